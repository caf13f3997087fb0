package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCommandTest {

  @Test
  void runsTheJarInLspModeAfterTheJvmOptions() {
    ServerCommand command =
        new ServerCommand(
            Path.of("/jdk/bin/java"),
            JvmOptions.parse("-Xmx512m"),
            Path.of("/plugins/strata-intellij/server/strata.jar"));
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xmx512m",
            "-jar",
            "/plugins/strata-intellij/server/strata.jar",
            "lsp"),
        command.toList());
  }

  @Test
  void alwaysExitsOnOutOfMemory() {
    ServerCommand command =
        new ServerCommand(Path.of("java"), JvmOptions.parse(""), Path.of("strata.jar"));
    assertEquals(
        List.of("java", "-XX:+ExitOnOutOfMemoryError", "-jar", "strata.jar", "lsp"),
        command.toList());
  }
}
