package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Deadlock;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import java.util.List;

/**
 * A Kustomization applies a custom resource whose CRD only a HelmRelease of the same build
 * installs, or one of a Kustomization it applies or that waits for it, and nothing installs it
 * before Flux. kustomize-controller applies a build in stages (CRDs, Namespaces and ClusterRoles;
 * then kinds named {@code *Class}; then the rest), dry-running every object of a stage before
 * applying any, and returns on the first failing stage (fluxcd/pkg {@code ssa/manager_apply.go}
 * {@code ApplyAllStaged}, {@code ApplyAll}). A kind without CRD fails its dry-run ("no matches for
 * kind"), so on a fresh cluster the HelmRelease that would install the CRD, in the last stage, is
 * never created.
 */
public final class CustomResourceBeforeCrdRule implements ClusterRule {
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
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
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
      reporter.report(
          finding(
              deadlock.anchor().file(),
              deadlock.anchor().meta().anchor(),
              deadlock.anchor().id().kind()
                  + " "
                  + deadlock.anchor().id().qualifiedName()
                  + " needs a CRD that is only installed after "
                  + owner
                  + " has applied it: on a fresh cluster the server-side apply of the build fails"
                  + " (\"no matches for kind\"), and nothing of it past its CRDs, Namespaces,"
                  + " ClusterRoles and classes is created. "
                  + deadlock.walk()
                  + ". Move the custom resources to a Kustomization that dependsOn the one"
                  + " installing the CRDs, or install the CRDs before Flux.",
              BootstrapDeadlockRule.related(deadlock)));
    }
  }

  @Override
  public void report(List<Finding> found, Reporter reporter) {
    SameSpot.merge(found, reporter);
  }
}
