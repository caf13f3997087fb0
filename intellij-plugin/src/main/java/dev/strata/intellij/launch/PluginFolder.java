package dev.strata.intellij.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder the IDE unpacked the plugin zip into, found from where the plugin's own classes were
 * loaded: {@code <plugin folder>/lib/strata-intellij-<version>.jar}. Public API only ({@code
 * PathManager.getJarForClass}); {@code PluginManagerCore.getPlugin} is internal from 2026.2.
 */
public final class PluginFolder {
  private PluginFolder() {}

  /** The plugin folder of a jar in its {@code lib/}; empty for anything else (a classes folder). */
  public static Optional<Path> ofJar(Path jar) {
    Path absolute = jar.toAbsolutePath().normalize();
    Path lib = absolute.getParent();
    if (lib == null
        || !absolute.getFileName().toString().endsWith(".jar")
        || lib.getFileName() == null
        || !lib.getFileName().toString().equals("lib")
        || lib.getParent() == null
        || lib.getParent().getFileName() == null) {
      return Optional.empty();
    }
    return Optional.of(lib.getParent());
  }
}
