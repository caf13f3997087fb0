package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerJarTest {

  @TempDir Path plugin;

  @Test
  void livesInTheServerFolderBesideLib() {
    assertEquals(plugin.resolve("server").resolve("strata.jar"), ServerJar.inPluginFolder(plugin));
  }

  @Test
  void isFoundOnlyWhenPresent() throws IOException {
    assertEquals(Optional.empty(), ServerJar.find(plugin));
    Files.createDirectories(plugin.resolve("server"));
    Files.writeString(plugin.resolve("server/strata.jar"), "");
    assertEquals(Optional.of(plugin.resolve("server/strata.jar")), ServerJar.find(plugin));
  }
}
