package dev.strata.intellij.ide;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.ProcessStreamConnectionProvider;
import dev.strata.intellij.launch.JavaDiscovery;
import dev.strata.intellij.launch.LaunchPlan;
import dev.strata.intellij.settings.StrataSettings;

/**
 * Starts {@code java -jar strata.jar lsp} as a child process; LSP4IJ talks to it over its stdin and
 * stdout. The plan is made at start, not at construction, so that a Java path fixed in the settings
 * is used on restart.
 */
final class StrataServerProcess extends ProcessStreamConnectionProvider {

  private final Project project;

  StrataServerProcess(Project project) {
    this.project = project;
  }

  @Override
  public void start() throws CannotStartProcessException {
    StrataSettings settings = StrataSettingsStore.instance().settings();
    LaunchPlan plan =
        LaunchPlan.of(
            JavaDiscovery.fromEnvironment(settings.javaPath()),
            StrataPlugin.folder(),
            settings.jvmOptions());
    if (plan instanceof LaunchPlan.Blocked blocked) {
      LaunchProblemNotice.show(project, blocked);
      throw new CannotStartProcessException(blocked.message());
    }
    setCommands(plan.commandOrEmpty());
    super.start();
  }

  @Override
  public Object getInitializationOptions(VirtualFile rootUri) {
    return StrataSettingsStore.instance().settings().toServerSettings();
  }
}
