package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterFacts;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Layer;
import dev.strata.analysis.Layers;
import dev.strata.analysis.SecretSource;
import dev.strata.analysis.SecretUse;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SOPS Secret that only application workloads use, in an application layer: it may move to
 * External Secrets, which rotates it without a commit. Advice, not a defect.
 */
public final class ApplicationSecretInSopsRule implements ClusterRule {
  @Override
  public String id() {
    return "application-secret-in-sops";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "A SOPS Secret consumed only by application workloads: may move to External Secrets for rotation.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    ClusterFacts facts = analysis.facts(cluster);
    Layers layers = analysis.layers(cluster);
    if (facts.operators().isEmpty()) {
      return;
    }
    for (SecretSource source : facts.sources()) {
      if (source.mechanism() != SecretSource.Mechanism.SOPS
          || layers.of(source.source()) != Layer.APPLICATION) {
        continue;
      }
      List<SecretUse> uses = facts.usesOf(source);
      boolean application =
          !uses.isEmpty()
              && uses.stream()
                  .allMatch(
                      u ->
                          u.role() == SecretUse.Role.WORKLOAD
                              && layers.of(u.consumer()) == Layer.APPLICATION);
      if (application) {
        String consumers =
            uses.stream()
                .map(SecretUse::describe)
                .distinct()
                .limit(3)
                .collect(Collectors.joining(", "));
        reporter.report(
            finding(
                source.source().file(),
                source.source().meta().anchor(),
                "Secret "
                    + source.qualifiedName()
                    + " is SOPS-encrypted but only application workloads use it ("
                    + consumers
                    + "); an ExternalSecret would let it rotate without a commit"));
      }
    }
  }
}
