package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.EndToEndTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs e2e/pre-commit/run.sh: the {@code strata-check} hook of .pre-commit-hooks.yaml, run by
 * Debian's pre-commit on throw-away git repositories made from examples/broken (it must fail) and
 * examples/layered (it must pass). Skipped without {@code pre-commit} on PATH, unless {@code
 * STRATA_REQUIRE_E2E=1} (CI), where a missing pre-commit fails. Strata runs from this test's class
 * path: the jar is not packaged yet.
 */
class PreCommitHookTest {
  @Test
  void failsTheCommitOfTheBrokenExampleAndPassesTheLayeredOne() throws Exception {
    EndToEndTool.require("pre-commit", "pre-commit");
    Path script =
        Path.of(System.getProperty("strata.examples", "../examples"))
            .resolve("../e2e/pre-commit/run.sh")
            .normalize();
    ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
    builder.environment().put("STRATA_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "run.sh did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "e2e/pre-commit/run.sh failed:\n" + text);
    assertTrue(text.contains("2 passed, 0 failed"), text);
  }
}
