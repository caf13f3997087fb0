package dev.strata.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Wires the server to a pair of streams and runs it until the client says exit, closes the input or
 * dies. Returns the exit code instead of calling {@code System.exit}, so that the same code runs in
 * tests.
 */
public final class ServerLauncher {
  private ServerLauncher() {}

  public static int run(InputStream in, OutputStream out, PrintStream err) {
    try (ServerExecutors executors = new ServerExecutors()) {
      StrataLanguageServer server = new StrataLanguageServer(executors, new ServerLog(err));
      Launcher<LanguageClient> launcher =
          new LSPLauncher.Builder<LanguageClient>() {
            @Override
            protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
              RemoteEndpoint endpoint =
                  ProtocolErrors.endpoint(
                      wrapMessageConsumer(new StreamMessageConsumer(output, json)),
                      ServiceEndpoints.toEndpoint(localServices),
                      json);
              json.setMethodProvider(endpoint);
              endpoint.setJsonHandler(json);
              return endpoint;
            }
          }.setLocalService(server)
              .setRemoteInterface(LanguageClient.class)
              .setInput(in)
              .setOutput(out)
              .setExecutorService(executors.messages())
              .create();
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      CompletableFuture<Integer> inputClosed =
          CompletableFuture.supplyAsync(
              () -> {
                await(listening);
                // The client closed our input without exit: treat as exit, code 0 only after
                // shutdown.
                server.exit();
                return server.exitCode().join();
              },
              executors.messages());
      return CompletableFuture.anyOf(server.exitCode(), inputClosed)
          .thenApply(Integer.class::cast)
          .join();
    }
  }

  private static void await(Future<Void> listening) {
    try {
      listening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // A broken stream ends the session like a closed one.
    }
  }
}
