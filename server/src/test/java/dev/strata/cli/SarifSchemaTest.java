package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.testing.CommandLineRun;
import dev.strata.testing.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SARIF log Strata writes validates against the official SARIF 2.1.0 schema (committed with
 * its licence under {@code src/test/resources/schemas}), with {@code uri} and {@code uri-reference}
 * formats checked: the broken example, a copy whose file names need escaping, and each real
 * repository of {@code ../shared/corpora} (skipped when absent).
 */
class SarifSchemaTest {
  /** File names that a raw URI gets wrong: a space, a non-ASCII letter, and [ % # . */
  static final List<String> SPECIAL_NAMES =
      List.of("with space", "caf\u00e9", "brackets[1]", "100%", "hash#tag");

  @TempDir Path dir;

  private static Path examples() {
    return Path.of(System.getProperty("strata.examples", "../examples"));
  }

  private static Path corpora() {
    return Path.of(System.getProperty("strata.corpora", "../../shared/corpora"));
  }

  static String sarif(Path repository) {
    CommandLineRun run = CommandLineRun.of("check", repository.toString(), "--format", "sarif");
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.toString());
    return run.out();
  }

  static void assertValid(String sarif) {
    assertEquals(List.of(), JsonSchemas.SARIF.problems(sarif), sarif);
  }

  @Test
  void rejectsAUriWithASpaceSoTheFormatIsChecked() {
    String log =
        """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
          {"message": {"text": "m"}, "locations": [{"physicalLocation":
            {"artifactLocation": {"uri": "a b.yaml"}}}]}]}]}
        """;
    assertFalse(JsonSchemas.SARIF.problems(log).isEmpty());
  }

  @Test
  void validatesTheBrokenExample() {
    Path broken = examples().resolve("broken");
    assumeTrue(Files.isDirectory(broken), "no broken example");
    assertValid(sarif(broken));
  }

  @Test
  void validatesACopyWithFileNamesThatNeedEscaping() throws IOException {
    Path broken = examples().resolve("broken");
    assumeTrue(Files.isDirectory(broken), "no broken example");
    Path copy = RepositoryCopy.withSpecialNames(broken, dir.resolve("copy"), SPECIAL_NAMES);
    String log = sarif(copy);
    assertValid(log);
    for (String name : SPECIAL_NAMES) {
      assertTrue(
          log.contains(UriPath.of(name + "/ks.yaml").encoded()), name + " not found in\n" + log);
    }
  }

  @TestFactory
  Stream<DynamicTest> validatesEveryCorpus() throws IOException {
    assumeTrue(Files.isDirectory(corpora()), "no corpora at " + corpora());
    List<Path> repositories;
    try (Stream<Path> list = Files.list(corpora())) {
      repositories = list.filter(Files::isDirectory).sorted().toList();
    }
    return repositories.stream()
        .map(
            repository ->
                DynamicTest.dynamicTest(
                    repository.getFileName().toString(), () -> assertValid(sarif(repository))));
  }
}
