package dev.strata.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares a rule's findings with a fixture's annotations and prints both sides when they differ.
 */
public final class FixtureAssertions {
  private FixtureAssertions() {}

  /** The findings of several rules, each checked against the annotations of its id. */
  public static void assertFindings(String fixtureText, String ruleId, String... more) {
    Fixture fixture = Fixture.of(fixtureText);
    assertFindings(fixture, ruleId);
    for (String other : more) {
      assertFindings(fixture, other);
    }
  }

  /**
   * Checks that {@code ruleId} reports exactly what the fixture's annotations for that rule ask
   * for.
   */
  public static void assertFindings(Fixture fixture, String ruleId) {
    List<Finding> actual = fixture.findings(ruleId);
    List<Fixture.Expected> expected =
        fixture.expected().stream().filter(e -> e.rule().equals(ruleId)).toList();
    assertMatch(expected, actual);
  }

  /**
   * The severities of {@code ruleId}'s findings in a whole analysis of {@code snapshot}, in report
   * order: for tests that edit a snapshot and compare what the next analysis says.
   */
  public static List<Severity> severities(Snapshot snapshot, String ruleId) {
    return Analyzer.standard((rule, e) -> {}).analyze(new Analysis(snapshot)).stream()
        .filter(f -> f.rule().equals(ruleId))
        .map(Finding::severity)
        .toList();
  }

  public static void assertMatch(List<Fixture.Expected> expected, List<Finding> actual) {
    List<Finding> unmatched = new ArrayList<>(actual);
    List<Fixture.Expected> missing = new ArrayList<>();
    for (Fixture.Expected e : expected) {
      Finding match =
          unmatched.stream()
              .filter(
                  f ->
                      f.file().equals(e.file())
                          && f.range().equals(e.range())
                          && f.rule().equals(e.rule())
                          && f.severity() == e.severity()
                          && f.message().contains(e.text()))
              .findFirst()
              .orElse(null);
      if (match == null) {
        missing.add(e);
      } else {
        unmatched.remove(match);
      }
    }
    if (!missing.isEmpty() || !unmatched.isEmpty()) {
      fail(
          "expected but not found:\n  "
              + missing.stream().map(Object::toString).collect(Collectors.joining("\n  "))
              + "\nfound but not expected:\n  "
              + unmatched.stream()
                  .map(
                      f ->
                          f.file()
                              + ":"
                              + f.range()
                              + " "
                              + f.severity().label()
                              + "["
                              + f.rule()
                              + "]: "
                              + f.message())
                  .collect(Collectors.joining("\n  ")));
    }
  }
}
