package dev.strata.intellij.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the server jar lives in an installed plugin: {@code <plugin folder>/server/strata.jar}. It
 * sits outside {@code lib/} on purpose: the IDE puts every jar of {@code lib/} on the plugin's
 * class path, and the server jar carries its own LSP4J, which must not meet the one LSP4IJ brings.
 */
public final class ServerJar {

  static final Path RELATIVE = Path.of("server", "strata.jar");

  private ServerJar() {}

  public static Path inPluginFolder(Path pluginFolder) {
    return pluginFolder.resolve(RELATIVE);
  }

  /** The jar, if the plugin folder holds it; a damaged install lacks it. */
  public static Optional<Path> find(Path pluginFolder) {
    Path jar = inPluginFolder(pluginFolder);
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }
}
