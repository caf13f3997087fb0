package dev.strata.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A client that records what the server sends. Tests wait on its queues with a timeout, never
 * sleep; the latest diagnostics of each URI are kept so that a test can ask "what does the editor
 * show now".
 */
final class RecordingClient implements LanguageClient {
  static final long TIMEOUT_SECONDS = 20;

  final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  final Map<String, List<Diagnostic>> latest = new ConcurrentHashMap<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
  final BlockingQueue<ProgressParams> progress = new LinkedBlockingQueue<>();
  final List<WorkDoneProgressCreateParams> progressCreated = new CopyOnWriteArrayList<>();
  final BlockingQueue<ConfigurationParams> configurationRequests = new LinkedBlockingQueue<>();
  volatile Object configuration;

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    latest.put(params.getUri(), params.getDiagnostics());
    diagnostics.add(params);
  }

  /** Waits until the diagnostics published for a URI satisfy the test; fails after the timeout. */
  List<Diagnostic> awaitDiagnostics(String uri, Predicate<List<Diagnostic>> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    List<Diagnostic> current = latest.get(uri);
    while (current == null || !wanted.test(current)) {
      long left = deadline - System.nanoTime();
      PublishDiagnosticsParams next =
          left > 0 ? diagnostics.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError(
            "no matching diagnostics for "
                + uri
                + "; last: "
                + latest.get(uri)
                + "; all: "
                + latest.keySet());
      }
      current = latest.get(uri);
    }
    return current;
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    progressCreated.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progress.add(params);
  }

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    configurationRequests.add(params);
    java.util.ArrayList<Object> values = new java.util.ArrayList<>();
    params.getItems().forEach(i -> values.add(configuration));
    return CompletableFuture.completedFuture(values);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(
      ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {}

  @Override
  public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
    return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
  }
}
