package dev.strata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each repository under {@code examples/} against its expected findings in {@code
 * src/test/resources/examples/<name>.txt}, in the CLI's text format. Run with {@code
 * -Dstrata.update=true} to rewrite the expectations, then review the diff.
 */
class ExamplesTest {
  private static final Path EXPECTED =
      Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/examples");

  private static Path examples() {
    return Path.of(System.getProperty("strata.examples", "../examples"));
  }

  private static String check(Path example) {
    CommandLineRun run = CommandLineRun.of("check", example.toString(), "--fail-on", "info");
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.toString());
    assertTrue(
        run.err().lines().count() == 1 && run.err().contains(" YAML files"),
        "only the summary on stderr:\n" + run.err());
    return run.out();
  }

  @TestFactory
  Stream<DynamicTest> reportsWhatEachExampleExpects() throws IOException {
    assumeTrue(Files.isDirectory(examples()), "no examples at " + examples());
    boolean update = Boolean.getBoolean("strata.update");
    List<Path> folders;
    try (Stream<Path> list = Files.list(examples())) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    return folders.stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(),
                    () -> {
                      String actual = check(folder);
                      Path expected = EXPECTED.resolve(folder.getFileName() + ".txt");
                      if (update) {
                        Files.createDirectories(EXPECTED);
                        Files.writeString(expected, actual);
                      }
                      assertTrue(
                          Files.exists(expected),
                          "no expectation " + expected + "; run with -Dstrata.update=true");
                      assertEquals(Files.readString(expected), actual, folder.toString());
                    }));
  }

  @Test
  void reportsNothingAtWarningOrAboveInTheLayeredExample() {
    Path layered = examples().resolve("layered");
    assumeTrue(Files.isDirectory(layered), "no layered example");
    CommandLineRun run = CommandLineRun.of("check", layered.toString(), "--fail-on", "warning");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().lines().noneMatch(l -> l.contains(": error[") || l.contains(": warning[")),
        run.out());
  }

  @Test
  void showsEachDependencyRuleInTheBrokenExample() {
    Path broken = examples().resolve("broken");
    assumeTrue(Files.isDirectory(broken), "no broken example");
    String out = CommandLineRun.of("check", broken.toString()).out();
    for (String rule :
        List.of("dependency-cycle", "unknown-dependency", "dependency-kind-mismatch")) {
      assertTrue(out.contains("[" + rule + "]"), rule + " missing in\n" + out);
    }
  }
}
