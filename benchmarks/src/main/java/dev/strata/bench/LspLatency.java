package dev.strata.bench;

import com.google.gson.JsonObject;
import dev.strata.lsp.ServerLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Edit-to-diagnostics latency through the real language server in this JVM, over piped streams and
 * JSON-RPC as an editor drives it, with a quiet period of 0: each edit is a full-text {@code
 * didChange}, timed until the {@code publishDiagnostics} of the edited file shows that edit's
 * finding (or its absence). A few edits first warm the server up and are not counted.
 */
final class LspLatency {
  private static final long TIMEOUT_SECONDS = 120;
  // LSP4J logs closed streams at INFO when the session ends; the benchmark's output is its figures.
  private static final Logger JSONRPC_LOG = Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

  private LspLatency() {}

  static void report(Path root, List<EditLatency.Edit> edits, int count, PrintStream out, Row row) {
    if (edits.isEmpty()) {
      out.printf("edit -> publishDiagnostics (LSP)  not measured: no Flux Kustomization to edit%n");
      return;
    }
    try {
      Session session = measure(root, edits, count);
      Processes.Timing latency = session.edits();
      row.lspMedian = latency.wall().median();
      row.lspP95 = latency.wall().p95();
      row.lspCpuP95 = latency.cpu().p95();
      out.printf(
          "edit -> publishDiagnostics (LSP)  median %8.1f ms  p95 %.1f ms  (thread CPU median %.1f, p95 %.1f)  over %d edits in %d files%n",
          latency.wall().median(),
          latency.wall().p95(),
          latency.cpu().median(),
          latency.cpu().p95(),
          count,
          edits.size());
      row.firstDiagnostics = session.firstDiagnosticsMs();
      row.hoverAfterBurst = session.hoverAfterBurst().median();
      out.printf(
          "first publishDiagnostics (LSP)           %8.1f ms  after initialize%n",
          session.firstDiagnosticsMs());
      out.printf(
          "hover after a burst of %d edits          %8.1f ms  from the last didChange to the answer (median of %d bursts, max %.1f)%n",
          BURST,
          session.hoverAfterBurst().median(),
          BURSTS,
          session.hoverAfterBurst().percentile(100));
    } catch (Exception e) {
      out.printf("edit -> publishDiagnostics (LSP)  not measured: %s%n", e);
    }
  }

  /** Incremental didChanges sent back to back before one hover. */
  static final int BURST = 1000;

  /** What one server session measured. */
  record Session(Processes.Timing edits, double firstDiagnosticsMs, Stats hoverAfterBurst) {}

  /** How many bursts, each followed by one hover: the figure is their median. */
  static final int BURSTS = 5;

  static Session measure(Path root, List<EditLatency.Edit> edits, int count) throws Exception {
    JSONRPC_LOG.setLevel(Level.OFF);
    ExecutorService threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "bench-lsp-client");
              thread.setDaemon(true);
              return thread;
            });
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                ServerLauncher.run(
                    serverIn, serverOut, new PrintStream(OutputStream.nullOutputStream())),
            threads);
    Client client = new Client();
    Launcher<LanguageServer> launcher =
        new LSPLauncher.Builder<LanguageServer>()
            .setLocalService(client)
            .setRemoteInterface(LanguageServer.class)
            .setInput(clientIn)
            .setOutput(toServer)
            .setExecutorService(threads)
            .create();
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    try {
      long started = System.nanoTime();
      server.initialize(initializeParams(root)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      server.initialized(new InitializedParams());
      PublishDiagnosticsParams first = client.published.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (first == null) {
        throw new IOException("no diagnostics within " + TIMEOUT_SECONDS + " s of initialize");
      }
      double firstMs = (System.nanoTime() - started) / 1e6;
      client.indexed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Processes.Timing timing = edit(server, client, root, edits, count);
      return new Session(timing, firstMs, hoversAfterBursts(server, client, root, edits.get(0)));
    } finally {
      try {
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } finally {
        toServer.close();
        serverOut.close();
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Processes.Timing edit(
      LanguageServer server, Client client, Path root, List<EditLatency.Edit> edits, int count)
      throws InterruptedException, IOException {
    List<String> uris = new ArrayList<>();
    for (EditLatency.Edit edit : edits) {
      String uri = root.resolve(edit.path()).toUri().toString();
      uris.add(uri);
      server
          .getTextDocumentService()
          .didOpen(
              new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, edit.original())));
    }
    int warmup = Math.min(20, Math.max(2, count / 5));
    int[] versions = new int[edits.size()];
    List<Long> nanos = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < warmup + count; i++) {
      int index = i % edits.size();
      EditLatency.Edit edit = edits.get(index);
      int round = i / edits.size();
      boolean broken = round % 2 == 0;
      client.published.clear();
      long start = System.nanoTime();
      long startCpu = Cpu.javaThreads();
      server
          .getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uris.get(index), 2 + versions[index]++),
                  List.of(new TextDocumentContentChangeEvent(edit.text(round)))));
      awaitDiagnostics(client, uris.get(index), edit.marker(), broken);
      if (i >= warmup) {
        nanos.add(System.nanoTime() - start);
        cpu.add(Cpu.javaThreads() - startCpu);
      }
    }
    return new Processes.Timing(Stats.of(nanos), Stats.of(cpu));
  }

  /**
   * {@value #BURSTS} bursts and hovers ({@link #hoverAfterBurst}), each after an edit that breaks
   * the file and one that mends it, both awaited through their diagnostics: every burst starts with
   * the server's analysis done, and the hover's line holds the same text as the analysed state's.
   * One burst alone measured mostly how warm the server's message path happened to be.
   */
  private static Stats hoversAfterBursts(
      LanguageServer server, Client client, Path root, EditLatency.Edit edit) throws Exception {
    String uri = root.resolve(edit.path()).toUri().toString();
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < BURSTS; i++) {
      int version = 1_000_000 + i * (BURST + 10);
      // A new name each time, so that breaking the file changes its findings whatever it held.
      String marker = edit.marker() + "x" + i;
      String edited = edit.edited().replaceFirst(Pattern.quote(edit.marker()), marker);
      for (boolean broken : new boolean[] {true, false}) {
        client.published.clear();
        server
            .getTextDocumentService()
            .didChange(
                new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, broken ? version : version + 1),
                    List.of(
                        new TextDocumentContentChangeEvent(broken ? edited : edit.original()))));
        awaitDiagnostics(client, uri, marker, broken);
      }
      nanos.add((long) (hoverAfterBurst(server, root, edit, version + 2) * 1e6));
    }
    return Stats.of(nanos);
  }

  /**
   * {@value #BURST} one-character insertions and deletions at the end of an open file, sent without
   * waiting, then a hover on its first line: the time from the last didChange to the answer.
   */
  private static double hoverAfterBurst(
      LanguageServer server, Path root, EditLatency.Edit edit, int version) throws Exception {
    String uri = root.resolve(edit.path()).toUri().toString();
    String text = edit.original();
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    long lines = text.lines().count();
    Position end = new Position((int) lines, 0);
    if (!text.endsWith("\n")) {
      end = new Position((int) lines - 1, text.lines().reduce((a, b) -> b).orElse("").length());
    }
    long last = 0;
    for (int i = 0; i < BURST; i++) {
      TextDocumentContentChangeEvent change =
          i % 2 == 0
              ? new TextDocumentContentChangeEvent(new Range(end, end), "#")
              : new TextDocumentContentChangeEvent(
                  new Range(end, new Position(end.getLine(), end.getCharacter() + 1)), "");
      server
          .getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uri, version + 1 + i), List.of(change)));
      last = System.nanoTime();
    }
    server
        .getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), dependsOnName(text)))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return (System.nanoTime() - last) / 1e6;
  }

  /** Where the first dependsOn name of the file starts: a hover there reads the analysis. */
  private static Position dependsOnName(String text) {
    int dependsOn = Math.max(0, text.indexOf("dependsOn"));
    int name = text.indexOf("name:", dependsOn);
    int at = name < 0 ? 0 : name + "name: ".length();
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, at - lineStart);
  }

  private static void awaitDiagnostics(Client client, String uri, String marker, boolean present)
      throws InterruptedException, IOException {
    while (true) {
      PublishDiagnosticsParams params = client.published.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (params == null) {
        throw new IOException("no diagnostics for " + uri + " within " + TIMEOUT_SECONDS + " s");
      }
      boolean shows =
          params.getDiagnostics().stream()
              .anyMatch(
                  d ->
                      (d.getMessage().isLeft()
                              ? d.getMessage().getLeft()
                              : d.getMessage().getRight().getValue())
                          .contains(marker));
      if (params.getUri().equals(uri) && shows == present) {
        return;
      }
    }
  }

  private static InitializeParams initializeParams(Path root) {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "bench")));
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    params.setCapabilities(
        new ClientCapabilities(
            new WorkspaceClientCapabilities(), new TextDocumentClientCapabilities(), window, null));
    JsonObject options = new JsonObject();
    options.addProperty("debounceMs", 0);
    params.setInitializationOptions(options);
    return params;
  }

  /** An editor that records diagnostics and notices the end of indexing. */
  private static final class Client implements LanguageClient {
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> indexed = new CompletableFuture<>();

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
      if (params.getValue().isLeft()
          && params.getValue().getLeft() instanceof WorkDoneProgressEnd) {
        indexed.complete(null);
      }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams message) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
