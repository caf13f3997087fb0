package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.model.HelmRelease;
import dev.strata.model.KeyMaterial;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Manifest;
import dev.strata.model.SecretManifest;
import dev.strata.model.Severity;
import dev.strata.model.SopsConfig;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Secret whose {@code data} or {@code stringData} values are committed in the clear, a private
 * key in the clear in any other manifest (a ConfigMap's data, a HelmRelease's values), and a file
 * named {@code *.sops.yaml} that was never encrypted. Checked in every file, applied or not: a key
 * in Git leaks wherever it sits. {@code ${VAR}} placeholders, empty values, certificates and public
 * keys ({@link KeyMaterial}) are not secrets; SOPS detection follows Flux (a top-level {@code sops}
 * block with a {@code mac}), not the file name.
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
    return "A Secret with values committed without SOPS, a private key in the clear in any manifest,"
        + " or a *.sops.yaml file that was never encrypted.";
  }

  /** The findings of one file, which depend on nothing else: kept while the file is unchanged. */
  private static final Object FINDINGS = new Object();

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    // Most files hold no Secret: the snapshot keeps which do have findings across edits.
    analysis
        .snapshot()
        .perFileList(
            FINDINGS,
            file -> {
              List<Finding> found = new ArrayList<>();
              check(file, found::add);
              return List.copyOf(found);
            })
        .forEach(own -> own.forEach(reporter::report));
  }

  private void check(SourceFile file, Reporter reporter) {
    boolean stub = isSopsName(file.name());
    Set<Integer> reported = new HashSet<>();
    for (Manifest manifest : file.manifests()) {
      if (manifest instanceof SecretManifest secret) {
        if (isPlain(secret)) {
          reported.add(secret.meta().document());
          reporter.report(finding(file.path(), anchor(secret), message(file, secret, stub)));
        } else if (stub && !secret.meta().encrypted() && !secret.keys().isEmpty()) {
          reported.add(secret.meta().document());
          reporter.report(
              finding(file.path(), secret.meta().anchor(), emptyStub(file), Severity.WARNING));
        }
      } else if (!manifest.meta().encrypted()) {
        privateKeys(
            manifest.meta().node(),
            "",
            (path, at) -> {
              reported.add(manifest.meta().document());
              reporter.report(
                  finding(file.path(), at.range(), privateKeyMessage(manifest, path, at)));
            });
      }
    }
    if (!stub) {
      return;
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

  private static String emptyStub(SourceFile file) {
    return file.path()
        + " is named as a SOPS file but is not encrypted; it holds no secret value yet (only empty"
        + " values, placeholders, references or public keys), so nothing has leaked, but Flux"
        + " applies it as it is; run `sops --encrypt --in-place "
        + file.path()
        + "` once the values are in";
  }

  /**
   * Every mapping entry (reported at its key) and list item under {@code node} whose scalar value
   * holds a private key.
   */
  private static void privateKeys(
      YamlNode node, String path, java.util.function.BiConsumer<String, YamlScalar> found) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String key = entry.keyText().orElse("?");
        String inner = path.isEmpty() ? key : path + "." + key;
        if (entry.value() instanceof YamlScalar scalar) {
          if (KeyMaterial.privateKey(scalar.value()).isPresent()
              && entry.key() instanceof YamlScalar keyScalar) {
            found.accept(inner, keyScalar);
          }
        } else {
          privateKeys(entry.value(), inner, found);
        }
      }
    } else if (node instanceof YamlSequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        YamlNode item = sequence.items().get(i);
        String inner = path + "[" + i + "]";
        if (item instanceof YamlScalar scalar) {
          // A list item has no key to point at: a secretGenerator literal, an argument.
          if (KeyMaterial.privateKey(scalar.value()).isPresent()) {
            found.accept(inner, scalar);
          }
        } else {
          privateKeys(item, inner, found);
        }
      }
    }
  }

  private static String privateKeyMessage(Manifest manifest, String path, YamlScalar key) {
    String name =
        manifest.meta().namespaceText().map(n -> n + "/").orElse("") + manifest.meta().nameText();
    String subject =
        manifest instanceof KustomizeOverlay
            ? "This kustomization file"
            : manifest.kind() + (name.isEmpty() ? "" : " " + name);
    String hint =
        manifest instanceof HelmRelease
            ? "put it in a SOPS-encrypted Secret and give it to the chart with valuesFrom"
            : "put it in a SOPS-encrypted Secret (encrypted_regex: ^(data|stringData)$) and read it"
                + " from there";
    return subject
        + " holds a private key in the clear at "
        + path
        + ": anyone with the repository can read it; "
        + hint
        + ", then replace the key, since it has been in Git";
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
        .filter(SecretManifest.SecretKey::inClear)
        .findFirst()
        .map(k -> k.key().range())
        .orElse(secret.meta().anchor());
  }

  private static String message(SourceFile file, SecretManifest secret, boolean stub) {
    long plain = secret.keys().stream().filter(SecretManifest.SecretKey::inClear).count();
    String keys =
        String.join(
            ", ",
            secret.keys().stream()
                .filter(SecretManifest.SecretKey::inClear)
                .map(
                    k ->
                        k.key().value()
                            + (k.shape() == SecretManifest.ValueShape.PRIVATE_KEY
                                ? ": a private key"
                                : ""))
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
