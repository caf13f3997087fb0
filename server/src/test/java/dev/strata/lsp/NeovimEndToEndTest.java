package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.EndToEndTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs e2e/neovim/run.sh: a real third-party client (Neovim 0.7, headless) against the server on a
 * copy of examples/broken. Skipped without {@code nvim} on PATH, unless {@code
 * STRATA_REQUIRE_E2E=1} (CI), where a missing Neovim fails. The server runs from this test's class
 * path: the jar is not packaged yet.
 */
class NeovimEndToEndTest {
  @Test
  void neovimSeesCyclesAcrossFilesAndAppliesTheSopsMigration() throws Exception {
    EndToEndTool.require("nvim", "neovim");
    Path script =
        Path.of(System.getProperty("strata.examples", "../examples"))
            .resolve("../e2e/neovim/run.sh")
            .normalize();
    ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
    builder.environment().put("STRATA_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(200, TimeUnit.SECONDS), "run.sh did not finish");
    assertEquals(
        0,
        process.exitValue(),
        "e2e/neovim/run.sh failed:\n" + new String(output, StandardCharsets.UTF_8));
  }
}
