package dev.strata.cli;

import dev.strata.analysis.Finding;
import dev.strata.analysis.Reach;
import dev.strata.model.Severity;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code path:line:col: severity[rule-id]: message}, 1-based, one line per finding; a summary on
 * stderr, with what the render reached.
 */
final class TextReport {
  private TextReport() {}

  static String line(Finding finding) {
    return finding.file()
        + ":"
        + (finding.range().start().line() + 1)
        + ":"
        + (finding.range().start().character() + 1)
        + ": "
        + finding.severity().label()
        + "["
        + finding.rule()
        + "]: "
        + finding.message();
  }

  static void write(
      List<Finding> findings, PrintWriter out, PrintWriter err, int files, Reach reach) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding finding : findings) {
      out.println(line(finding));
      counts.merge(finding.severity(), 1, Integer::sum);
    }
    err.println(
        counts.getOrDefault(Severity.ERROR, 0)
            + " errors, "
            + counts.getOrDefault(Severity.WARNING, 0)
            + " warnings, "
            + counts.getOrDefault(Severity.INFO, 0)
            + " info"
            + (counts.containsKey(Severity.HINT) ? ", " + counts.get(Severity.HINT) + " hints" : "")
            + " in "
            + files
            + " YAML files; reached "
            + reach.describe());
  }
}
