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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * The thread that computes what most rules wait for ({@link Analysis#prepare}) while the rules
   * run on the common pool and the caller: on two cores the common pool has one thread, which the
   * rules need. Daemon, so that it never keeps a finished command's JVM alive.
   */
  private static final ExecutorService AHEAD =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "strata-analysis-ahead");
            thread.setDaemon(true);
            return thread;
          });

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

  /**
   * Analyses, checking {@code cancelled} between rules so that a stale run stops early. Rules run
   * on every core (the common fork-join pool and the calling thread): they are pure functions of
   * the analysis, whose caches compute each derived fact once however many rules ask at the same
   * time, and a 20,000-file repository's need graph takes about a quarter of an analysis, which the
   * rules that do not read it overlap. Findings, and failures to the handler, come in catalogue
   * order whatever order the rules finish in, so the result does not depend on the threads.
   */
  public List<Finding> analyze(Analysis analysis, BooleanSupplier cancelled) {
    Snapshot snapshot = analysis.snapshot();
    Future<?> ahead = AHEAD.submit(() -> analysis.prepare(cancelled));
    List<Outcome> outcomes;
    try {
      outcomes = rules.parallelStream().map(rule -> run(rule, analysis, cancelled)).toList();
    } finally {
      // A failure there is a rule's to report (the rules that read the graph meet it again).
      ahead.cancel(false);
    }
    if (cancelled.getAsBoolean()) {
      return List.of();
    }
    Set<Finding> found = new LinkedHashSet<>();
    for (Outcome outcome : outcomes) {
      if (outcome.failure() != null) {
        onFailure.accept(outcome.rule(), outcome.failure());
      }
      found.addAll(outcome.findings());
    }
    return suppress(snapshot, found);
  }

  /** What one rule found, with its configured severity applied, or how it failed. */
  private record Outcome(Rule rule, List<Finding> findings, RuntimeException failure) {}

  private static Outcome run(Rule rule, Analysis analysis, BooleanSupplier cancelled) {
    java.util.Optional<Severity> configured = analysis.snapshot().config().severity(rule.id());
    if (cancelled.getAsBoolean() || configured.filter(Severity.OFF::equals).isPresent()) {
      return new Outcome(rule, List.of(), null);
    }
    List<Finding> own = new ArrayList<>();
    try {
      rule.check(analysis, own::add);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(
          rule, List.of(), e instanceof RuntimeException r ? r : new IllegalStateException(e));
    }
    // A rule may judge a finding less severe than its default (a syntax error in a file no cluster
    // builds); a configured severity applies to every finding of the rule.
    return new Outcome(
        rule,
        configured.map(c -> own.stream().map(f -> f.withSeverity(c)).toList()).orElse(own),
        null);
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
