package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.ObjectMeta;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.Map;

/**
 * An API version that current controllers no longer serve: Kustomization v1beta1 and v1beta2,
 * HelmRelease v2beta1 and v2beta2, External Secrets v1beta1. The cluster rejects such objects after
 * an upgrade.
 */
public final class RemovedApiVersionRule implements Rule {
  private static final Map<String, String> REMOVED =
      Map.of(
          "kustomize.toolkit.fluxcd.io/v1beta1",
              "removed in Flux v2.7 (kustomize-controller 1.7); use kustomize.toolkit.fluxcd.io/v1",
          "kustomize.toolkit.fluxcd.io/v1beta2",
              "removed in Flux v2.8 (kustomize-controller 1.8); use kustomize.toolkit.fluxcd.io/v1",
          "helm.toolkit.fluxcd.io/v2beta1",
              "removed in Flux v2.7 (helm-controller 1.4); use helm.toolkit.fluxcd.io/v2",
          "helm.toolkit.fluxcd.io/v2beta2",
              "removed in Flux v2.8 (helm-controller 1.5); use helm.toolkit.fluxcd.io/v2",
          "external-secrets.io/v1beta1",
              "removed from the served versions in External Secrets v0.17; use external-secrets.io/v1");

  @Override
  public String id() {
    return "removed-api-version";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "Kustomization v1beta1/v1beta2, HelmRelease v2beta1/v2beta2 or external-secrets.io/v1beta1.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (Cluster cluster : analysis.clusters()) {
      for (Applied applied : cluster.objects()) {
        ObjectMeta meta = applied.meta();
        String version = meta.apiVersion().value().toString();
        String reason = REMOVED.get(version);
        if (reason != null) {
          reporter.report(
              finding(
                  applied.file(),
                  meta.apiVersion().range(),
                  meta.kind().value() + " " + version + " was " + reason));
        }
      }
    }
  }
}
