package dev.strata.lsp;

import dev.strata.lsp.state.Workspace;
import dev.strata.lsp.state.WorkspaceState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs requests off the message thread, on the server's request pool, against a state that holds
 * every change the client sent before the request that the answer depends on: a request about a
 * document answers at once from a state holding the document's latest text (a didChange followed by
 * a definition sees the edit, and a hover in another file does not wait for that edit's parse or
 * render); a request about the whole workspace waits until the queued changes are applied.
 */
final class Requests {
  private final ExecutorService executor;
  private final Workspace workspace;
  private final BooleanSupplier shutDown;

  Requests(ExecutorService executor, Workspace workspace, BooleanSupplier shutDown) {
    this.executor = executor;
    this.workspace = workspace;
    this.shutDown = shutDown;
  }

  <T> CompletableFuture<T> compute(Function<WorkspaceState, T> request) {
    return compute(workspace::settled, request);
  }

  /** A request about one document ({@link Workspace#forDocument}). */
  <T> CompletableFuture<T> compute(String uri, Function<WorkspaceState, T> request) {
    return compute(() -> workspace.forDocument(uri), request);
  }

  /**
   * A request that reads its document only up to {@code line} ({@link Workspace#forDocument(String,
   * int)}).
   */
  <T> CompletableFuture<T> compute(String uri, int line, Function<WorkspaceState, T> request) {
    return compute(() -> workspace.forDocument(uri, line), request);
  }

  private <T> CompletableFuture<T> compute(
      java.util.function.Supplier<CompletableFuture<WorkspaceState>> source,
      Function<WorkspaceState, T> request) {
    if (shutDown.getAsBoolean()) {
      return CompletableFuture.failedFuture(
          new ResponseErrorException(
              new ResponseError(
                  ResponseErrorCode.InvalidRequest, "the server is shutting down", null)));
    }
    return CompletableFutures.computeAsync(
        executor,
        cancel -> {
          WorkspaceState state;
          try {
            state = source.get().join();
          } catch (CompletionException e) {
            throw new IllegalStateException("the workspace writer stopped", e);
          }
          cancel.checkCanceled();
          return request.apply(state);
        });
  }
}
