package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginFolderTest {
  @Test
  void isTheParentOfTheLibFolderThatHoldsThePluginJar() {
    assertEquals(
        Optional.of(Path.of("/home/me/.local/share/JetBrains/IdeaIC2026.2/strata-intellij")),
        PluginFolder.ofJar(
            Path.of(
                "/home/me/.local/share/JetBrains/IdeaIC2026.2/strata-intellij/lib/strata-intellij-0.1.0.jar")));
  }

  @Test
  void normalisesARelativeJarPath() {
    assertEquals(
        Optional.of(Path.of("plugins/strata-intellij").toAbsolutePath()),
        PluginFolder.ofJar(Path.of("plugins/strata-intellij/lib/../lib/strata-intellij.jar")));
  }

  @Test
  void isUnknownForClassesOutsideAPluginJar() {
    assertEquals(Optional.empty(), PluginFolder.ofJar(Path.of("/work/target/classes")));
    assertEquals(Optional.empty(), PluginFolder.ofJar(Path.of("/opt/strata-intellij.jar")));
    assertEquals(Optional.empty(), PluginFolder.ofJar(Path.of("/lib/strata-intellij.jar")));
  }
}
