package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Deadlock;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;

/**
 * A Kustomization applies a custom resource whose CRD only a HelmRelease of the same build
 * installs, or one of a Kustomization it applies or that waits for it, and nothing installs it
 * before Flux. kustomize-controller dry-runs the whole build before applying any of it, and a kind
 * without CRD fails the dry-run ("no matches for kind"), so on a fresh cluster the HelmRelease that
 * would install the CRD is never created (fluxcd/pkg {@code ssa/manager_apply.go} {@code
 * ApplyAllStaged}).
 */
public final class CustomResourceBeforeCrdRule implements Rule {
  @Override
  public String id() {
    return "custom-resource-before-crd";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A custom resource applied with, or before, the HelmRelease that installs its CRD: the"
        + " first apply on a fresh cluster fails.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    SameSpot spots = new SameSpot();
    for (Cluster cluster : analysis.clusters()) {
      for (Deadlock deadlock : analysis.deadlocks(cluster)) {
        if (deadlock.seeded() || deadlock.type() != Deadlock.Type.CRD) {
          continue;
        }
        String owner =
            deadlock
                .anchor()
                .owner()
                .map(o -> "Kustomization " + o.qualifiedName())
                .orElse("its Kustomization");
        spots.add(
            finding(
                deadlock.anchor().file(),
                deadlock.anchor().meta().anchor(),
                deadlock.anchor().id().kind()
                    + " "
                    + deadlock.anchor().id().qualifiedName()
                    + " needs a CRD that is only installed after "
                    + owner
                    + " has applied it: the server-side apply of the whole build fails on a fresh"
                    + " cluster (\"no matches for kind\"), so nothing of it is created. "
                    + deadlock.walk()
                    + ". Move the custom resources to a Kustomization that dependsOn the one"
                    + " installing the CRDs, or install the CRDs before Flux.",
                BootstrapDeadlockRule.related(deadlock)));
      }
    }
    spots.reportTo(reporter);
  }
}
