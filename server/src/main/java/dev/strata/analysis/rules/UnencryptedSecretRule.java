package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Manifest;
import dev.strata.model.SecretManifest;
import dev.strata.model.Severity;
import dev.strata.model.SopsConfig;
import dev.strata.syntax.YamlDocument;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.util.HashSet;
import java.util.Set;

/**
 * A Secret whose {@code data} or {@code stringData} values are committed in the clear, and a file
 * named {@code *.sops.yaml} that was never encrypted. Checked in every file, applied or not: a key
 * in Git leaks wherever it sits. {@code ${VAR}} placeholders and empty values are not secrets; SOPS
 * detection follows Flux (a top-level {@code sops} block with a {@code mac}), not the file name.
 */
public final class UnencryptedSecretRule implements Rule {
  static final String DECRYPT_ANNOTATION = "kustomize.toolkit.fluxcd.io/decrypt";

  @Override
  public String id() {
    return "unencrypted-secret";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A Secret with values committed without SOPS, or a *.sops.yaml file that was never encrypted.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (SourceFile file : analysis.snapshot().files()) {
      boolean stub = isSopsName(file.name());
      Set<Integer> reported = new HashSet<>();
      for (Manifest manifest : file.manifests()) {
        if (manifest instanceof SecretManifest secret && isPlain(secret)) {
          reported.add(secret.meta().document());
          reporter.report(finding(file.path(), anchor(secret), message(file, secret, stub)));
        }
      }
      if (!stub) {
        continue;
      }
      for (YamlDocument document : file.syntax().documents()) {
        boolean encrypted =
            file.manifest(document.index()).map(m -> m.meta().encrypted()).orElse(false)
                || document.mapping().flatMap(m -> m.get("sops")).isPresent();
        if (document.root().isPresent() && !encrypted && !reported.contains(document.index())) {
          reporter.report(
              finding(
                  file.path(),
                  Range.at(document.range().start()),
                  file.path()
                      + " is named as a SOPS file but is not encrypted; run `sops --encrypt --in-place "
                      + file.path()
                      + "` before committing it"));
        }
      }
    }
  }

  static boolean isSopsName(String name) {
    return (name.endsWith(".sops.yaml") || name.endsWith(".sops.yml"))
        && !SopsConfig.isConfigName(name);
  }

  private static boolean isPlain(SecretManifest secret) {
    return !secret.meta().encrypted()
        && secret.hasPlainValues()
        && !"disabled"
            .equalsIgnoreCase(secret.meta().annotations().getOrDefault(DECRYPT_ANNOTATION, ""));
  }

  private static Range anchor(SecretManifest secret) {
    return secret.keys().stream()
        .filter(k -> k.shape() == SecretManifest.ValueShape.PLAIN)
        .findFirst()
        .map(k -> k.key().range())
        .orElse(secret.meta().anchor());
  }

  private static String message(SourceFile file, SecretManifest secret, boolean stub) {
    long plain =
        secret.keys().stream().filter(k -> k.shape() == SecretManifest.ValueShape.PLAIN).count();
    String keys =
        String.join(
            ", ",
            secret.keys().stream()
                .filter(k -> k.shape() == SecretManifest.ValueShape.PLAIN)
                .map(k -> k.key().value())
                .limit(5)
                .toList());
    String what =
        "Secret "
            + secret.meta().nameText()
            + " has "
            + plain
            + (plain == 1 ? " value" : " values")
            + " in the clear ("
            + keys
            + ")";
    String command = "`sops --encrypt --in-place " + file.path() + "`";
    return stub
        ? what + ": this SOPS stub is plaintext until " + command + " runs; do not commit it before"
        : what
            + " and no SOPS encryption: anyone with the repository can read them; encrypt with "
            + command
            + " (move it to a *.sops.yaml file if your .sops.yaml rules expect that name)";
  }
}
