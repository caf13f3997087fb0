package dev.strata.lsp;

import dev.strata.lsp.state.Progress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * window/workDoneProgress for indexing. Notifications are chained behind the client's answer to
 * {@code create}, never joined, so that the writer thread does not wait for the client.
 */
final class ClientProgress implements Progress {
  private static final AtomicInteger TOKENS = new AtomicInteger();

  private final LanguageClient client;
  private final Either<String, Integer> token;
  private CompletableFuture<Void> chain;

  private ClientProgress(LanguageClient client, String title) {
    this.client = client;
    this.token = Either.forLeft("strata-index-" + TOKENS.incrementAndGet());
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle(title);
    begin.setPercentage(0);
    this.chain =
        client.createProgress(new WorkDoneProgressCreateParams(token)).thenRun(() -> send(begin));
  }

  static Progress start(LanguageClient client, ClientSupport support, String title) {
    return support.workDoneProgress() && client != null
        ? new ClientProgress(client, title)
        : Progress.NONE;
  }

  @Override
  public synchronized void report(String message, int percent) {
    WorkDoneProgressReport report = new WorkDoneProgressReport();
    report.setMessage(message);
    report.setPercentage(percent);
    chain = chain.thenRun(() -> send(report));
  }

  @Override
  public synchronized void end(String message) {
    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
    end.setMessage(message);
    chain = chain.thenRun(() -> send(end));
  }

  private void send(WorkDoneProgressNotification notification) {
    client.notifyProgress(new ProgressParams(token, Either.forLeft(notification)));
  }
}
