package dev.strata.intellij.ide;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;

/**
 * LSP4IJ's client with Strata's configuration: {@code createSettings} answers
 * workspace/configuration and fills workspace/didChangeConfiguration, which is sent again whenever
 * the settings page is applied.
 */
final class StrataLanguageClient extends LanguageClientImpl {

  private final Runnable onSettingsChanged = this::triggerChangeConfiguration;

  StrataLanguageClient(Project project) {
    super(project);
    StrataSettingsStore.instance().subscribe(onSettingsChanged);
  }

  @Override
  protected Object createSettings() {
    return StrataSettingsStore.instance().settings().toConfigurationSection();
  }

  @Override
  public void dispose() {
    StrataSettingsStore.instance().unsubscribe(onSettingsChanged);
    super.dispose();
  }
}
