package dev.strata.intellij.ide;

import com.intellij.openapi.application.PathManager;
import dev.strata.intellij.launch.PluginFolder;
import java.nio.file.Path;
import java.util.Optional;

/** Identifiers that plugin.xml declares and the code must repeat exactly. */
final class StrataPlugin {

  static final String ID = "dev.strata.intellij";
  static final String SERVER_ID = "strata";

  private StrataPlugin() {}

  /**
   * The folder the IDE unpacked the plugin zip into, from the jar this class was loaded from; the
   * server jar lives below it.
   */
  static Optional<Path> folder() {
    return Optional.ofNullable(PathManager.getJarForClass(StrataPlugin.class))
        .flatMap(PluginFolder::ofJar);
  }
}
