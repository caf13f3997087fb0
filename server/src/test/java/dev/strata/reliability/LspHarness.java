package dev.strata.reliability;

import com.google.gson.JsonObject;
import dev.strata.analysis.Finding;
import dev.strata.lsp.ServerLauncher;
import dev.strata.lsp.StrataExtensions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The real server in this JVM behind piped streams, with a client that records diagnostics, log
 * messages and shown messages, and the server's standard error. Tests wait on the recorded events
 * with a timeout; nothing sleeps.
 */
final class LspHarness implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 30;

  interface Server extends LanguageServer, StrataExtensions {}

  final Recorder client = new Recorder();
  final Server server;
  final CompletableFuture<Integer> exitCode;
  final Path root;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final OutputStream toServer;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "reliability-lsp-client");
            thread.setDaemon(true);
            return thread;
          });

  private LspHarness(Path root) throws IOException {
    this.root = root;
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    exitCode =
        CompletableFuture.supplyAsync(() -> ServerLauncher.run(serverIn, serverOut, err), threads);
    Launcher<Server> launcher =
        new LSPLauncher.Builder<Server>()
            .setLocalService(client)
            .setRemoteInterface(Server.class)
            .setInput(clientIn)
            .setOutput(toServer)
            .setExecutorService(threads)
            .create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  /** Starts, initializes on {@code root} with no debounce, and waits for the first analysis. */
  static LspHarness start(Path root) throws Exception {
    LspHarness harness = new LspHarness(root);
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "repo")));
    params.setCapabilities(capabilities());
    JsonObject options = new JsonObject();
    options.addProperty("debounceMs", 0);
    params.setInitializationOptions(options);
    harness.server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    harness.server.initialized(new InitializedParams());
    return harness;
  }

  private static ClientCapabilities capabilities() {
    WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
    edit.setDocumentChanges(true);
    edit.setResourceOperations(List.of("create", "rename", "delete"));
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setWorkspaceEdit(edit);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
    publish.setRelatedInformation(true);
    text.setPublishDiagnostics(publish);
    text.setCodeAction(
        new CodeActionCapabilities(
            new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of("quickfix", "refactor", "source"))),
            false));
    return new ClientCapabilities(workspace, text, new WindowClientCapabilities(), null);
  }

  String uri(String path) {
    return root.resolve(path).toUri().toString();
  }

  void open(String path, String text) {
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(path), "yaml", 1, text)));
  }

  void change(String path, int version, Range range, String text) {
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(path), version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
  }

  static Range range(int startLine, int startCharacter, int endLine, int endCharacter) {
    return new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }

  /** What {@code strata check} reports, as the editor shows it: URI to sorted diagnostics. */
  Map<String, List<String>> expected(List<Finding> findings) {
    Map<String, List<String>> result = new TreeMap<>();
    for (Finding f : findings) {
      String range =
          f.range().start().line()
              + ":"
              + f.range().start().character()
              + "-"
              + f.range().end().line()
              + ":"
              + f.range().end().character();
      result
          .computeIfAbsent(uri(f.file()), u -> new ArrayList<>())
          .add(range + " " + f.rule() + " " + f.message());
    }
    result.values().forEach(l -> l.sort(null));
    return result;
  }

  /** What the editor shows now: URI to sorted diagnostics, files with none left out. */
  Map<String, List<String>> shown() {
    Map<String, List<String>> result = new TreeMap<>();
    client.latest.forEach(
        (uri, diagnostics) -> {
          if (!diagnostics.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Diagnostic d : diagnostics) {
              Range r = d.getRange();
              lines.add(
                  r.getStart().getLine()
                      + ":"
                      + r.getStart().getCharacter()
                      + "-"
                      + r.getEnd().getLine()
                      + ":"
                      + r.getEnd().getCharacter()
                      + " "
                      + d.getCode().getLeft()
                      + " "
                      + d.getMessage().getLeft());
            }
            lines.sort(null);
            result.put(uri, lines);
          }
        });
    return result;
  }

  /** Waits until the editor shows exactly {@code expected}; fails with both after the timeout. */
  void awaitShown(Map<String, List<String>> expected) throws InterruptedException {
    client.await(
        () -> shown().equals(expected), () -> "expected " + expected + "\nshown " + shown());
  }

  @Override
  public void close()
      throws IOException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    try {
      if (!exitCode.isDone()) {
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      toServer.close();
      threads.shutdownNow();
    }
  }

  /** Records everything the server sends; every event wakes waiters. */
  static final class Recorder implements LanguageClient {
    final Map<String, List<Diagnostic>> latest = new ConcurrentHashMap<>();
    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicLong publications =
        new java.util.concurrent.atomic.AtomicLong();

    /**
     * Heap measurements turn this off, so that the client's own record does not count as the
     * server's growth.
     */
    volatile boolean keepPublished = true;

    final List<String> messages = new CopyOnWriteArrayList<>();

    /**
     * One slot: a signal that something arrived, so that a long run keeps nothing the test never
     * reads.
     */
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>(1);

    void await(java.util.function.BooleanSupplier done, java.util.function.Supplier<String> failure)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || events.poll(left, TimeUnit.NANOSECONDS) == null && !done.getAsBoolean()) {
          throw new AssertionError("timed out: " + failure.get());
        }
      }
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      latest.put(params.getUri(), params.getDiagnostics());
      publications.incrementAndGet();
      if (keepPublished) {
        published.add(params);
      }
      events.offer(Boolean.TRUE);
    }

    @Override
    public void logMessage(MessageParams message) {
      messages.add(message.getMessage());
      events.offer(Boolean.TRUE);
    }

    @Override
    public void showMessage(MessageParams message) {
      messages.add(message.getMessage());
      events.offer(Boolean.TRUE);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams params) {
      messages.add(params.getMessage());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
      messages.add(String.valueOf(object));
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(
        ApplyWorkspaceEditParams params) {
      messages.add(String.valueOf(params));
      return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
    }

    @Override
    public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(
        org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {}

    @Override
    public CompletableFuture<List<Object>> configuration(
        org.eclipse.lsp4j.ConfigurationParams params) {
      List<Object> values = new ArrayList<>();
      params.getItems().forEach(i -> values.add(null));
      return CompletableFuture.completedFuture(values);
    }
  }
}
