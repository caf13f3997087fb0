package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Deadlock;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Layers;
import dev.strata.analysis.Rule;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * An ExternalSecret whose Secret is needed by a Kustomization that must be Ready before External
 * Secrets can serve (the operator, its stores, the Connect server, the root, and everything they
 * depend on or use). On a fresh cluster neither side can start. Reported on the ExternalSecret with
 * the chain.
 */
public final class BootstrapDeadlockRule implements Rule {
  @Override
  public String id() {
    return "bootstrap-deadlock";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A Secret needed before External Secrets can serve is itself produced by an ExternalSecret.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    SameSpot spots = new SameSpot();
    for (Cluster cluster : analysis.clusters()) {
      Layers layers = analysis.layers(cluster);
      for (Deadlock deadlock : analysis.deadlocks(cluster)) {
        Applied external = deadlock.source().source();
        spots.add(
            finding(
                external.file(),
                anchor(external),
                message(layers, deadlock),
                related(cluster, layers, deadlock)));
      }
    }
    spots.reportTo(reporter);
  }

  static Range anchor(Applied external) {
    ExternalSecret secret = (ExternalSecret) external.manifest();
    return secret.target().map(t -> t.range()).orElse(external.meta().anchor());
  }

  private static String message(Layers layers, Deadlock deadlock) {
    String secret = "Secret " + deadlock.source().qualifiedName();
    if (deadlock.selfStore()) {
      return deadlock.use().consumer().id().kind()
          + " "
          + deadlock.use().consumer().id().name()
          + " reads its own credentials from "
          + secret
          + ", which this ExternalSecret produces through that same store: on a fresh cluster, or once the Secret is deleted,"
          + " neither can start. Keep this secret in SOPS.";
    }
    String why =
        layers
            .explain(deadlock.kustomization())
            .orElse("Kustomization " + deadlock.kustomization().qualifiedName() + " is bootstrap");
    return why
        + "; "
        + deadlock.use().describe()
        + " needs "
        + secret
        + ", which this ExternalSecret produces:"
        + " on a fresh cluster neither can start. Keep this secret in SOPS.";
  }

  private static List<Finding.Related> related(Cluster cluster, Layers layers, Deadlock deadlock) {
    List<Finding.Related> related = new ArrayList<>();
    related.add(
        Finding.Related.of(deadlock.use().at(), deadlock.use().describe() + " needs this Secret"));
    for (ObjectId step : layers.chain(deadlock.kustomization())) {
      cluster
          .kustomization(step)
          .ifPresent(
              k ->
                  related.add(
                      Finding.Related.of(
                          k.applied().origin(),
                          "Kustomization " + step.qualifiedName() + " is bootstrap")));
    }
    return related;
  }
}
