package dev.strata.analysis;

import dev.strata.model.Severity;

/**
 * One check, with a stable kebab-case id that is never renamed or reused. {@link #check} reads the
 * analysis and reports findings at the rule's default severity; configuration changes it later.
 */
public interface Rule {
  String id();

  Severity defaultSeverity();

  /** One sentence for rule catalogues, SARIF and the CLI: what the rule finds. */
  String summary();

  void check(Analysis analysis, Reporter reporter);

  default Finding finding(String file, dev.strata.text.Range range, String message) {
    return new Finding(id(), defaultSeverity(), file, range, message, java.util.List.of());
  }

  default Finding finding(
      String file,
      dev.strata.text.Range range,
      String message,
      java.util.List<Finding.Related> related) {
    return new Finding(id(), defaultSeverity(), file, range, message, related);
  }

  /** A finding at a severity of its own rather than the rule's default. */
  default Finding finding(
      String file, dev.strata.text.Range range, String message, Severity severity) {
    return new Finding(id(), severity, file, range, message, java.util.List.of());
  }

  /** Where rules put what they find. */
  interface Reporter {
    void report(Finding finding);
  }
}
