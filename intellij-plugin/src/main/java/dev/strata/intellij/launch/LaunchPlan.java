package dev.strata.intellij.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * Either the command that starts the server or the one message that explains why it cannot start.
 * The IDE side turns {@link Blocked} into the exception whose message LSP4IJ's own notification
 * shows, and never starts a half-configured process.
 */
public sealed interface LaunchPlan {

  record Ready(ServerCommand command) implements LaunchPlan {}

  record Blocked(String title, String message) implements LaunchPlan {}

  static LaunchPlan of(JavaDiscovery discovery, Path pluginFolder, String jvmOptions) {
    JavaChoice java = discovery.choose();
    if (java.runtime().isEmpty()) {
      return new Blocked(
          "Strata: no Java " + JavaRuntime.MINIMUM_FEATURE + " found", java.missingMessage());
    }
    return ServerJar.find(pluginFolder)
        .<LaunchPlan>map(
            jar ->
                new Ready(
                    new ServerCommand(
                        java.runtime().get().executable(discovery.windows()),
                        JvmOptions.parse(jvmOptions),
                        jar)))
        .orElseGet(() -> missingJar(pluginFolder));
  }

  /** The plugin's classes were not loaded from its jar: a development sandbox, not an install. */
  static LaunchPlan pluginFolderUnknown() {
    return new Blocked(
        "Strata: plugin folder unknown",
        "The Strata plugin's classes were not loaded from strata-intellij/lib/*.jar, so its"
            + " server/strata.jar cannot be found. Install the plugin from its zip.");
  }

  private static LaunchPlan missingJar(Path pluginFolder) {
    return new Blocked(
        "Strata: server jar missing",
        "The Strata plugin folder "
            + pluginFolder
            + " has no "
            + ServerJar.RELATIVE
            + ". Reinstall the plugin from its zip.");
  }

  /** Convenience for callers that only need the argument list. */
  default List<String> commandOrEmpty() {
    return this instanceof Ready ready ? ready.command().toList() : List.of();
  }
}
