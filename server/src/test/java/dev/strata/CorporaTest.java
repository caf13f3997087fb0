package dev.strata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.workspace.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the analysis on every real repository of {@code ../shared/corpora} (skipped when absent). No
 * rule may fail, and every finding at warning or error must be judged real in {@code
 * docs/corpora-findings.md}; a listed finding that no longer appears must leave the list too.
 */
class CorporaTest {
  private static Path corpora() {
    return Path.of(System.getProperty("strata.corpora", "../../shared/corpora"));
  }

  private static Path judged() {
    return Path.of(System.getProperty("strata.docs", "../docs")).resolve("corpora-findings.md");
  }

  /**
   * The stable key of a finding: repository, path, 1-based line and rule, as the table writes them.
   */
  static String key(String repository, Finding finding) {
    return repository
        + " | "
        + finding.file()
        + ":"
        + (finding.range().start().line() + 1)
        + " | "
        + finding.rule();
  }

  /** The keys of the findings table's rows: the first three cells of each row below the header. */
  static Set<String> listed(List<String> lines) {
    Set<String> keys = new TreeSet<>();
    for (String line : lines) {
      String trimmed = line.trim();
      if (!trimmed.startsWith("|")
          || trimmed.startsWith("|---")
          || trimmed.startsWith("| repository")) {
        continue;
      }
      String[] cells = trimmed.substring(1).split("\\|");
      // Rows of other tables on the page (what the render reaches) have no path:line cell.
      if (cells.length >= 3 && cell(cells[1]).matches(".+:\\d+")) {
        keys.add(cell(cells[0]) + " | " + cell(cells[1]) + " | " + cell(cells[2]));
      }
    }
    return keys;
  }

  private static String cell(String text) {
    return text.trim().replace("`", "");
  }

  @TestFactory
  Stream<DynamicTest> judgesEveryWarningOnTheRealRepositories() throws IOException {
    assumeTrue(Files.isDirectory(corpora()), "no corpora at " + corpora());
    Set<String> listed = listed(Files.readAllLines(judged()));
    List<Path> repositories;
    try (Stream<Path> list = Files.list(corpora())) {
      repositories = list.filter(Files::isDirectory).sorted().toList();
    }
    return repositories.stream()
        .map(
            repository ->
                DynamicTest.dynamicTest(
                    repository.getFileName().toString(),
                    () -> {
                      String name = repository.getFileName().toString().replace("__", "/");
                      List<String> failures = new ArrayList<>();
                      List<Finding> findings =
                          new Analyzer(
                                  Analyzer.standard((r, e) -> {}).rules(),
                                  (rule, e) -> failures.add(rule.id() + ": " + e))
                              .analyze(new Analysis(Loader.load(repository)));
                      assertEquals(List.of(), failures, "rules that failed on " + name);
                      Set<String> found = new TreeSet<>();
                      for (Finding finding : findings) {
                        if (finding.severity().atLeast(Severity.WARNING)) {
                          found.add(key(name, finding));
                        }
                      }
                      Set<String> unlisted = new TreeSet<>(found);
                      unlisted.removeAll(listed);
                      Set<String> stale = new TreeSet<>();
                      for (String key : listed) {
                        if (key.startsWith(name + " | ") && !found.contains(key)) {
                          stale.add(key);
                        }
                      }
                      assertEquals(
                          Set.of(),
                          unlisted,
                          "findings on "
                              + name
                              + " not judged in "
                              + judged()
                              + ":\n"
                              + String.join(
                                  "\n",
                                  unlisted.stream().map(k -> "| " + k + " | reason |").toList())
                              + "\n"
                              + findings.stream()
                                  .filter(f -> unlisted.contains(key(name, f)))
                                  .map(
                                      f ->
                                          f.file()
                                              + ":"
                                              + (f.range().start().line() + 1)
                                              + " "
                                              + f.rule()
                                              + ": "
                                              + f.message())
                                  .reduce("", (a, b) -> a + "\n" + b));
                      assertEquals(
                          Set.of(), stale, "listed in " + judged() + " but no longer found");
                    }));
  }
}
