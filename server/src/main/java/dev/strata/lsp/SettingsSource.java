package dev.strata.lsp;

import dev.strata.lsp.state.Workspace;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Where settings come from: initializationOptions first, then pushed by didChangeConfiguration or,
 * when the client supports it, pulled with workspace/configuration (section {@code strata}). Each
 * change hands a new immutable {@link Settings} to the writer.
 */
final class SettingsSource {
  static final String SECTION = "strata";

  private final Workspace workspace;
  private final ServerLog log;
  private volatile LanguageClient client;
  private volatile ClientSupport support = ClientSupport.NONE;

  SettingsSource(Workspace workspace, ServerLog log) {
    this.workspace = workspace;
    this.log = log;
  }

  void connect(LanguageClient languageClient, ClientSupport clientSupport) {
    this.client = languageClient;
    this.support = clientSupport;
  }

  void initial(Object initializationOptions) {
    workspace.settings(Settings.from(initializationOptions));
  }

  /** Pushed settings; clients that push {@code null} expect the server to pull. */
  void changed(Optional<Object> pushed) {
    if (support.configuration()) {
      pull();
    } else {
      pushed.map(Settings::from).ifPresent(workspace::settings);
    }
  }

  void pull() {
    LanguageClient languageClient = client;
    if (languageClient == null || !support.configuration()) {
      return;
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection(SECTION);
    // Never joined: the answer arrives on the message thread, which must stay free to read it.
    languageClient
        .configuration(new ConfigurationParams(List.of(item)))
        .thenAccept(
            values -> {
              if (!values.isEmpty() && values.get(0) != null) {
                workspace.settings(Settings.from(values.get(0)));
              }
            })
        .exceptionally(
            e -> {
              log.warn("workspace/configuration failed: " + e.getMessage());
              return null;
            });
  }
}
