package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Manifest;
import dev.strata.model.Severity;
import dev.strata.workspace.SourceFile;

/**
 * A SOPS-encrypted document whose {@code apiVersion}, {@code kind} or {@code metadata} is encrypted
 * too, because no {@code encrypted_regex} limited encryption to the data: kustomize cannot read the
 * object and Flux's build fails. Checked in every file.
 */
public final class SopsMetadataEncryptedRule implements Rule {
  @Override
  public String id() {
    return "sops-metadata-encrypted";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "apiVersion, kind or metadata encrypted by SOPS: kustomize cannot read the object.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (SourceFile file : analysis.snapshot().files()) {
      for (Manifest manifest : file.manifests()) {
        if (manifest.meta().sops().map(s -> s.metadataEncrypted()).orElse(false)) {
          reporter.report(
              finding(
                  file.path(),
                  manifest.meta().kind().range(),
                  "apiVersion, kind or metadata of this document are encrypted, so kustomize cannot read the object and the Flux build fails;"
                      + " decrypt it and encrypt again with encrypted_regex: ^(data|stringData)$ (set it in .sops.yaml creation_rules)"));
        }
      }
    }
  }
}
