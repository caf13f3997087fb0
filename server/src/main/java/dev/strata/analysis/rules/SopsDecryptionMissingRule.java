package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import java.util.Optional;

/**
 * A SOPS-encrypted object applied by a Flux Kustomization whose effective {@code spec.decryption},
 * after its parent's patches, is absent: kustomize-controller refuses to apply it. Objects applied
 * by a cluster's root are not judged, because the root's decryption is configured outside Git (flux
 * bootstrap flags or a FluxInstance).
 */
public final class SopsDecryptionMissingRule implements ClusterRule {
  @Override
  public String id() {
    return "sops-decryption-missing";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A SOPS-encrypted object applied by a Kustomization without effective spec.decryption.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    for (Applied applied : cluster.objects()) {
      if (!applied.meta().encrypted()
          || "disabled"
              .equalsIgnoreCase(
                  applied
                      .meta()
                      .annotations()
                      .getOrDefault(UnencryptedSecretRule.DECRYPT_ANNOTATION, ""))) {
        continue;
      }
      Optional<AppliedKustomization> owner = cluster.ownerOf(applied);
      // A root that .strata.yaml names is written by Strata, not read from Git: its decryption is
      // unknown.
      boolean root =
          owner.isPresent()
              && cluster.root().kind() == dev.strata.workspace.ClusterRoot.Kind.CONFIGURED
              && cluster.rootIds().contains(owner.get().id());
      if (owner.isPresent()
          && !root
          && owner.get().decryption().map(d -> !d.isSops()).orElse(true)) {
        reporter.report(
            finding(
                applied.file(),
                applied.meta().anchor(),
                applied.id().kind()
                    + " "
                    + applied.id().qualifiedName()
                    + " is SOPS-encrypted, but Kustomization "
                    + owner.get().id().qualifiedName()
                    + " applies it without spec.decryption (provider: sops), after its parent's patches;"
                    + " Flux refuses it: \"is SOPS encrypted, configuring decryption is required for this secret to be reconciled\""));
      }
    }
  }
}
