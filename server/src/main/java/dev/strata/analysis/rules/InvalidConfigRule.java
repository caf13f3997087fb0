package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.analysis.RuleCatalogue;
import dev.strata.model.ConfigProblem;
import dev.strata.model.Severity;
import dev.strata.model.SopsConfig;
import dev.strata.text.Range;
import dev.strata.workspace.Snapshot;
import java.util.Map;

/**
 * A {@code .strata.yaml} or {@code .sops.yaml} that Strata cannot fully use; the defaults apply
 * where it is wrong, so the rest of the analysis still runs.
 */
public final class InvalidConfigRule implements Rule {
  @Override
  public String id() {
    return "invalid-config";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A .strata.yaml or .sops.yaml that cannot be used as written; defaults apply.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    Snapshot snapshot = analysis.snapshot();
    if (snapshot.hasConfigFile()) {
      for (ConfigProblem problem : snapshot.config().problems()) {
        reporter.report(finding(snapshot.configPath(), problem.range(), problem.message()));
      }
      for (Map.Entry<String, Range> rule : snapshot.config().ruleKeys().entrySet()) {
        if (!RuleCatalogue.ids().contains(rule.getKey())) {
          reporter.report(
              finding(
                  snapshot.configPath(),
                  rule.getValue(),
                  "unknown rule \"" + rule.getKey() + "\"; see docs/rules for the rule ids"));
        }
      }
    }
    for (SopsConfig config : snapshot.sopsConfigs()) {
      String file = config.path();
      for (ConfigProblem problem : config.problems()) {
        reporter.report(finding(file, problem.range(), problem.message()));
      }
    }
  }
}
