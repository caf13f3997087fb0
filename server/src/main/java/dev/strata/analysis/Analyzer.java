package dev.strata.analysis;

import dev.strata.model.Severity;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Runs every rule of a catalogue over a snapshot, each in isolation: a rule that throws is reported
 * to the failure handler with its id and skipped. Applies configured severities and suppression
 * comments, merges findings that several clusters report at the same place, and sorts by file,
 * line, column, rule.
 */
public final class Analyzer {
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparing(f -> f.range().start())
          .thenComparing(Finding::rule)
          .thenComparing(f -> f.range().end())
          .thenComparing(Finding::message);

  private final List<Rule> rules;
  private final BiConsumer<Rule, RuntimeException> onFailure;

  public Analyzer(List<Rule> rules, BiConsumer<Rule, RuntimeException> onFailure) {
    this.rules = List.copyOf(rules);
    this.onFailure = onFailure;
  }

  public static Analyzer standard(BiConsumer<Rule, RuntimeException> onFailure) {
    return new Analyzer(RuleCatalogue.rules(), onFailure);
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Finding> analyze(Analysis analysis) {
    return analyze(analysis, () -> false);
  }

  /** Analyses, checking {@code cancelled} between rules so that a stale run stops early. */
  public List<Finding> analyze(Analysis analysis, BooleanSupplier cancelled) {
    Snapshot snapshot = analysis.snapshot();
    Set<Finding> found = new LinkedHashSet<>();
    for (Rule rule : rules) {
      if (cancelled.getAsBoolean()) {
        return List.of();
      }
      java.util.Optional<Severity> configured = snapshot.config().severity(rule.id());
      if (configured.filter(Severity.OFF::equals).isPresent()) {
        continue;
      }
      List<Finding> own = new ArrayList<>();
      try {
        rule.check(analysis, own::add);
      } catch (RuntimeException | StackOverflowError e) {
        onFailure.accept(rule, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        continue;
      }
      for (Finding finding : own) {
        // A rule may judge a finding less severe than its default (a syntax error in a file no
        // cluster builds); a configured severity applies to every finding of the rule.
        found.add(configured.map(finding::withSeverity).orElse(finding));
      }
    }
    return suppress(snapshot, found);
  }

  private static List<Finding> suppress(Snapshot snapshot, Set<Finding> found) {
    Map<String, Suppressions> byFile = new HashMap<>();
    List<Finding> result = new ArrayList<>();
    for (Finding finding : found) {
      Suppressions suppressions =
          byFile.computeIfAbsent(
              finding.file(),
              f ->
                  snapshot
                      .file(f)
                      .map(SourceFile::text)
                      .map(Suppressions::of)
                      .orElse(Suppressions.of("")));
      if (!suppressions.suppresses(finding.rule(), finding.range().start().line())) {
        result.add(finding);
      }
    }
    result.sort(ORDER);
    return result;
  }
}
