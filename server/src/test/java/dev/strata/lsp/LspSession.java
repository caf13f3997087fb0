package dev.strata.lsp;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * The real server in this JVM, wired to a recording client over piped streams (LSP4J's LauncherTest
 * pattern): every message goes through JSON-RPC as it would from an editor.
 */
final class LspSession implements AutoCloseable {
  final RecordingClient client = new RecordingClient();
  final TestServer server;
  final CompletableFuture<Integer> exitCode;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "test-lsp-session");
            thread.setDaemon(true);
            return thread;
          });
  private final OutputStream toServer;

  private LspSession() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    exitCode =
        CompletableFuture.supplyAsync(
            () ->
                ServerLauncher.run(
                    serverIn, serverOut, new PrintStream(OutputStream.nullOutputStream())),
            threads);
    Launcher<TestServer> launcher =
        new LSPLauncher.Builder<TestServer>()
            .setLocalService(client)
            .setRemoteInterface(TestServer.class)
            .setInput(clientIn)
            .setOutput(toServer)
            .setExecutorService(threads)
            .create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  static LspSession start(Path root) throws Exception {
    return start(root, params -> {});
  }

  static LspSession start(Path root, Consumer<InitializeParams> customize) throws Exception {
    LspSession session = new LspSession();
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "repo")));
    params.setCapabilities(capabilities());
    JsonObject options = new JsonObject();
    options.addProperty("debounceMs", 0);
    params.setInitializationOptions(options);
    customize.accept(params);
    session.server.initialize(params).get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    session.server.initialized(new InitializedParams());
    return session;
  }

  static ClientCapabilities capabilities() {
    WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
    edit.setDocumentChanges(true);
    edit.setResourceOperations(List.of("create", "rename", "delete"));
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setWorkspaceEdit(edit);
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    workspace.setConfiguration(false);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
    publish.setRelatedInformation(true);
    text.setPublishDiagnostics(publish);
    text.setDiagnostic(new DiagnosticCapabilities());
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    return new ClientCapabilities(workspace, text, window, null);
  }

  void open(Fixture fixture, String path) {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(fixture.uri(path), "yaml", 1, fixture.text(path))));
  }

  void replace(Fixture fixture, String path, int version, Range range, String text) {
    TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, text);
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(fixture.uri(path), version), List.of(change)));
  }

  void close(Fixture fixture, String path) {
    server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(fixture.uri(path))));
  }

  static Range range(int startLine, int startCharacter, int endLine, int endCharacter) {
    return new Range(
        new org.eclipse.lsp4j.Position(startLine, startCharacter),
        new org.eclipse.lsp4j.Position(endLine, endCharacter));
  }

  @Override
  public void close() throws Exception {
    try {
      if (!exitCode.isDone()) {
        server.shutdown().get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        exitCode.get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      toServer.close();
      threads.shutdownNow();
    }
  }
}
