package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.analysis.RuleCatalogue;
import dev.strata.cli.Main;
import dev.strata.model.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that throws is reported with its id and skipped; every other rule still reports. */
class FailingRuleTest {
  private static final Path BROKEN =
      Path.of(System.getProperty("strata.examples", "../examples"), "broken");

  /** Throws a runtime exception, or overflows the stack, on every run. */
  private record FailingRule(String id, boolean overflow) implements Rule {
    @Override
    public Severity defaultSeverity() {
      return Severity.ERROR;
    }

    @Override
    public String summary() {
      return "Always fails.";
    }

    @Override
    public void check(Analysis analysis, Reporter reporter) {
      reporter.report(finding("never.yaml", dev.strata.text.Range.ZERO, "reported before failing"));
      if (overflow) {
        check(analysis, reporter);
      }
      throw new IllegalStateException("secret-looking message that must not be printed");
    }
  }

  @Test
  void skipsAFailingRuleAndKeepsTheOthers() {
    Analysis analysis = new Analysis(Analyses.load(BROKEN));
    List<Finding> expected = Analyzer.standard((rule, e) -> {}).analyze(analysis);
    List<String> failed = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    rules.add(new FailingRule("always-fails", false));
    rules.addAll(RuleCatalogue.rules());
    rules.add(new FailingRule("overflows", true));
    List<Finding> findings =
        new Analyzer(rules, (rule, e) -> failed.add(rule.id()))
            .analyze(new Analysis(Analyses.load(BROKEN)));
    assertEquals(List.of("always-fails", "overflows"), failed);
    assertEquals(
        expected, findings, "a failing rule's partial findings are dropped, the others stay");
    assertFalse(findings.isEmpty());
  }

  @Test
  void theCliNamesTheFailedRuleWithoutItsMessage() {
    StringWriter err = new StringWriter();
    List<Finding> findings =
        new Analyzer(
                List.of(
                    new FailingRule("always-fails", false),
                    RuleCatalogue.find("dependency-cycle").orElseThrow()),
                Main.ruleFailures(new PrintWriter(err, true)))
            .analyze(new Analysis(Analyses.load(BROKEN)));
    assertEquals(
        "strata: rule always-fails failed and was skipped: IllegalStateException\n",
        err.toString().replace("\r", ""));
    assertTrue(
        findings.stream().allMatch(f -> f.rule().equals("dependency-cycle")) && !findings.isEmpty(),
        findings::toString);
  }
}
