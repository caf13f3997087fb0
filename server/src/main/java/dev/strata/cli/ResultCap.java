package dev.strata.cli;

import dev.strata.analysis.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GitHub code scanning accepts at most 25,000 results per run and drops a whole upload that has
 * more. Past the cap the most severe findings are kept, in their original order, and the count of
 * those left out is reported.
 */
record ResultCap(List<Finding> kept, int leftOut) {
  static final int GITHUB_LIMIT = 25_000;

  static ResultCap of(List<Finding> findings, int limit) {
    if (findings.size() <= limit) {
      return new ResultCap(findings, 0);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> findings.get(i).severity().ordinal())
            .thenComparingInt(i -> i));
    List<Integer> chosen = new ArrayList<>(order.subList(0, limit));
    chosen.sort(Comparator.naturalOrder());
    List<Finding> kept = new ArrayList<>(limit);
    chosen.forEach(i -> kept.add(findings.get(i)));
    return new ResultCap(List.copyOf(kept), findings.size() - limit);
  }
}
