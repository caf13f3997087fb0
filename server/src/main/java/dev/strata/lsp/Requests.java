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
 * Runs requests off the message thread, on the server's request pool, against the state that
 * includes every change the client sent before the request (a didChange followed by a definition
 * sees the edit).
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
            state = workspace.settled().join();
          } catch (CompletionException e) {
            throw new IllegalStateException("the workspace writer stopped", e);
          }
          cancel.checkCanceled();
          return request.apply(state);
        });
  }
}
