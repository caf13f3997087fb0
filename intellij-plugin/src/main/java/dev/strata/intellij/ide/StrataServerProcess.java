package dev.strata.intellij.ide;

import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
import dev.strata.intellij.launch.JavaDiscovery;
import dev.strata.intellij.launch.LaunchPlan;
import dev.strata.intellij.settings.StrataSettings;
import java.nio.charset.StandardCharsets;

/**
 * Starts {@code java -jar strata.jar lsp} as a child process through the IDE's process handler, so
 * that LSP4IJ shows the server's stderr (its log) in its console. The plan is made at start, not at
 * construction, so that a Java path fixed in the settings is used on restart. When the server
 * cannot start, the exception's message is what LSP4IJ's one "Cannot start server" notification
 * says; the plugin shows none of its own.
 */
final class StrataServerProcess extends OSProcessStreamConnectionProvider {

  StrataServerProcess(Project project) {
    // One process per project; the project itself is not needed to start it.
  }

  @Override
  public void start() throws CannotStartProcessException {
    StrataSettings settings = StrataSettingsStore.instance().settings();
    LaunchPlan plan =
        StrataPlugin.folder()
            .map(
                folder ->
                    LaunchPlan.of(
                        JavaDiscovery.fromEnvironment(settings.javaPath()),
                        folder,
                        settings.jvmOptions()))
            .orElseGet(LaunchPlan::pluginFolderUnknown);
    if (plan instanceof LaunchPlan.Blocked blocked) {
      throw new CannotStartProcessException(blocked.title() + ". " + blocked.message());
    }
    setCommandLine(
        new GeneralCommandLine(plan.commandOrEmpty()).withCharset(StandardCharsets.UTF_8));
    super.start();
  }

  @Override
  public Object getInitializationOptions(VirtualFile rootUri) {
    return StrataSettingsStore.instance().settings().toServerSettings();
  }
}
