package dev.strata.lsp;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Logs to stderr and, once connected, to the client's output through window/logMessage. Never to
 * stdout: that carries the protocol. Messages name files and rules, never secret values.
 */
public final class ServerLog {
  private final PrintStream err;
  private final AtomicReference<LanguageClient> client = new AtomicReference<>();

  public ServerLog(PrintStream err) {
    this.err = err;
  }

  void connect(LanguageClient languageClient) {
    client.set(languageClient);
  }

  public void info(String message) {
    log(MessageType.Info, message);
  }

  public void warn(String message) {
    log(MessageType.Warning, message);
  }

  public void error(String message, Throwable cause) {
    log(MessageType.Error, message + ": " + cause);
  }

  private void log(MessageType type, String message) {
    err.println("strata: " + message);
    LanguageClient languageClient = client.get();
    if (languageClient != null) {
      languageClient.logMessage(new MessageParams(type, message));
    }
  }
}
