package dev.strata.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program an end-to-end test drives (Neovim, pre-commit): the test is skipped without it, unless
 * {@code STRATA_REQUIRE_E2E=1} (CI, which installs it), where its absence fails the test.
 */
public final class EndToEndTool {
  private EndToEndTool() {}

  public static void require(String command, String debianPackage) {
    boolean present = onPath(command);
    if ("1".equals(System.getenv("STRATA_REQUIRE_E2E"))) {
      assertTrue(
          present,
          "STRATA_REQUIRE_E2E=1 but "
              + command
              + " is not on PATH (apt-get install -y "
              + debianPackage
              + ")");
    }
    assumeTrue(present, command + " is not on PATH");
  }

  private static boolean onPath(String command) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }
}
