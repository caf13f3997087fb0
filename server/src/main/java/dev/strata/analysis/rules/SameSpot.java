package dev.strata.analysis.rules;

import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the findings a rule makes at one place: a component applied by twenty Kustomizations is
 * one file, and its reader wants one diagnostic that says how many times it applies, not twenty.
 */
final class SameSpot {
  private final Map<String, List<Finding>> byPlace = new LinkedHashMap<>();

  /** Reports {@code found}, merging the findings made at one place. */
  static void merge(List<Finding> found, Rule.Reporter reporter) {
    SameSpot spots = new SameSpot();
    found.forEach(spots::add);
    spots.reportTo(reporter);
  }

  void add(Finding finding) {
    byPlace
        .computeIfAbsent(finding.file() + "@" + finding.range(), k -> new ArrayList<>())
        .add(finding);
  }

  void reportTo(Rule.Reporter reporter) {
    for (List<Finding> findings : byPlace.values()) {
      Finding first = findings.get(0);
      if (findings.size() == 1) {
        reporter.report(first);
        continue;
      }
      List<Finding.Related> related = new ArrayList<>(first.related());
      for (Finding other : findings.subList(1, findings.size())) {
        related.addAll(other.related().stream().limit(1).toList());
      }
      String message =
          first.message()
              + " (the same holds for "
              + (findings.size() - 1)
              + " other application"
              + (findings.size() == 2 ? "" : "s")
              + " of this document)";
      reporter.report(
          new Finding(
              first.rule(), first.severity(), first.file(), first.range(), message, related));
    }
  }
}
