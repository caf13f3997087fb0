package dev.strata.intellij.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the reports of JetBrains' Plugin Verifier, which the real-ide profile runs before this
 * test. The verifier exits with 0 even when it finds problems, so this test is what fails the build
 * on them. Without the profile there are no reports and the test is skipped.
 */
class PluginVerifierReportIT {

  /** Report files that must be absent or empty for a plugin that is compatible with the IDE. */
  private static final List<String> FAILING_REPORTS =
      List.of("compatibility-problems.txt", "invalid-plugin.txt");

  @Test
  void thePluginVerifierFoundNoProblems() throws IOException {
    String reports = System.getProperty("strata.verifierReports", "");
    assumeTrue(!reports.isBlank(), "Plugin Verifier runs only in the real-ide profile");
    Map<String, List<Path>> byName = reportFiles(Path.of(reports));
    assertFalse(
        byName.getOrDefault("verification-verdict.txt", List.of()).isEmpty(),
        "the verifier checked nothing");
    for (String name : FAILING_REPORTS) {
      for (Path report : byName.getOrDefault(name, List.of())) {
        assertEquals("", Files.readString(report).trim(), report.toString());
      }
    }
  }

  private static Map<String, List<Path>> reportFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .collect(Collectors.groupingBy(file -> file.getFileName().toString()));
    }
  }
}
