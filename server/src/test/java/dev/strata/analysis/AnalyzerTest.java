package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.rules.DependencyCycleRule;
import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  private static final String SELF_LOOPS =
      """
      #- clusters/home/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: a, namespace: flux-system}
      spec:
        path: ./none
        dependsOn:
          # strata-ignore: dependency-cycle
          - name: a
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: b, namespace: flux-system}
      spec:
        path: ./none
        dependsOn:
          - name: b  # strata-ignore: unknown-dependency, dependency-cycle
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: c, namespace: flux-system}
      spec:
        path: ./none
        dependsOn:
          # strata-ignore: missing-path
          - name: c
      """;

  private static class Throwing implements Rule {
    @Override
    public String id() {
      return "always-throws";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.ERROR;
    }

    @Override
    public String summary() {
      return "Throws.";
    }

    @Override
    public void check(Analysis analysis, Reporter reporter) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void skipsARuleThatThrowsAndKeepsTheOthers() {
    List<String> failed = new ArrayList<>();
    List<Finding> findings =
        new Analyzer(
                List.of(new Throwing(), new DependencyCycleRule()),
                (rule, e) -> failed.add(rule.id() + ": " + e.getMessage()))
            .analyze(Fixture.of(SELF_LOOPS).analysis());
    assertEquals(List.of("always-throws: boom"), failed);
    assertEquals(1, findings.size());
  }

  /**
   * Throws once {@code after} has counted down, or after a bounded wait when rules run one by one.
   */
  private static Rule throwing(String id, CountDownLatch after, CountDownLatch done) {
    return new Throwing() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public void check(Analysis analysis, Reporter reporter) {
        try {
          after.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        done.countDown();
        throw new IllegalStateException(id);
      }
    };
  }

  @Test
  void reportsFindingsAndFailuresInCatalogueOrderWhicheverRuleFinishesFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    CountDownLatch firstDone = new CountDownLatch(1);
    // The first rule fails only after the second has, where the rules run at once.
    Rule first = throwing("first", secondDone, firstDone);
    Rule second = throwing("second", new CountDownLatch(0), secondDone);
    // First and last: the caller runs the first part of the list, a pool thread the last.
    List<Rule> rules = new ArrayList<>(List.of(first));
    rules.addAll(RuleCatalogue.rules());
    rules.add(second);
    List<String> failed = new ArrayList<>();
    Analysis analysis = Fixture.of(SELF_LOOPS).analysis();
    List<Finding> findings =
        new Analyzer(rules, (rule, e) -> failed.add(rule.id())).analyze(analysis);
    assertEquals(List.of("first", "second"), failed);
    List<Finding> alone = new ArrayList<>();
    for (Rule rule : RuleCatalogue.rules()) {
      alone.addAll(
          new Analyzer(List.of(rule), (r, e) -> failed.add(r.id()))
              .analyze(Fixture.of(SELF_LOOPS).analysis()));
    }
    alone.sort(Analyzer.ORDER);
    assertEquals(alone, findings, "the same findings as every rule run on its own");
  }

  @Test
  void honoursIgnoreCommentsAboveAndAtTheEndOfALine() {
    List<Finding> findings = Fixture.of(SELF_LOOPS).findings("dependency-cycle");
    assertEquals(
        List.of("flux-system/c -> flux-system/c"),
        findings.stream().map(f -> f.message().split(": ")[1].split(";")[0]).toList());
  }

  @Test
  void honoursAFileWideIgnore() {
    assertEquals(
        List.of(),
        Fixture.of(
                SELF_LOOPS.replace(
                    "kind: Kustomization\nmetadata: {name: c",
                    "kind: Kustomization\n# strata-ignore-file: dependency-cycle\nmetadata: {name: c"))
            .findings("dependency-cycle"));
  }

  @Test
  void dropsTheFindingsOfARuleTurnedOff() {
    assertEquals(
        List.of(),
        Fixture.of(SELF_LOOPS + "#- .strata.yaml\nrules:\n  dependency-cycle: off\n")
            .findings("dependency-cycle"));
  }
}
