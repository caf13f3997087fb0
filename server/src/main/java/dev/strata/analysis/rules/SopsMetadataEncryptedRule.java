package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.model.Manifest;
import dev.strata.model.Severity;
import dev.strata.model.SopsMetadata;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Origin;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SOPS document whose {@code apiVersion}, {@code kind} or {@code metadata} is encrypted too.
 * kustomize builds it as an object of a strange kind and name, and kustomize-controller decrypts
 * every object with a {@code sops} block after the build, never checking the MAC
 * (kustomize-controller {@code internal/decryptor/decryptor.go} {@code DecryptResource}, {@code
 * checkSopsMac}): it works until a transformer writes plaintext into it before decryption (a
 * namespace, a name prefix, labels, annotations, a patch), which fails decryption and the
 * Kustomization's build. An error where that happens, naming the transformer; information
 * elsewhere. Checked in every file.
 */
public final class SopsMetadataEncryptedRule implements Rule {
  private static final String FIX =
      "decrypt it and encrypt again with encrypted_regex: ^(data|stringData)$ (set it in"
          + " .sops.yaml creation_rules)";

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
    return "apiVersion, kind or metadata encrypted by SOPS: any transformer that reaches the object"
        + " breaks its decryption.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    // Few files have such a manifest: the pass over every file is carried by changed path.
    for (SourceFile file :
        analysis
            .snapshot()
            .filesWhere(SopsMetadataEncryptedRule.class, SopsMetadataEncryptedRule::encrypting)) {
      for (Manifest manifest : file.manifests()) {
        SopsMetadata sops = manifest.meta().sops().orElse(null);
        if (sops == null || !sops.metadataEncrypted()) {
          continue;
        }
        reporter.report(verdict(analysis, file, manifest, sops));
      }
    }
  }

  /** True when one of the file's manifests has SOPS encrypt its metadata. */
  private static boolean encrypting(SourceFile file) {
    return file.anyManifest(
        m -> m.meta().sops().filter(SopsMetadata::metadataEncrypted).isPresent());
  }

  private Finding verdict(
      Analysis analysis, SourceFile file, Manifest manifest, SopsMetadata sops) {
    Map<String, Origin> breaking = new LinkedHashMap<>();
    List<Finding.Related> related = new ArrayList<>();
    List<String> kustomizations = new ArrayList<>();
    boolean opaque = false;
    for (Cluster cluster : analysis.clusters()) {
      for (Applied applied : cluster.inFile(file.path())) {
        if (applied.meta().document() != manifest.meta().document()) {
          continue;
        }
        boolean broken = false;
        // Changes are an unordered map: sort them so that messages are stable.
        for (Map.Entry<String, Origin> change :
            new java.util.TreeMap<>(applied.changes()).entrySet()) {
          if (sops.encrypts(Arrays.asList(change.getKey().split("\\.")))) {
            broken = true;
            if (breaking.putIfAbsent(change.getKey() + " " + change.getValue(), change.getValue())
                == null) {
              related.add(
                  Finding.Related.of(change.getValue(), "writes " + change.getKey() + " here"));
            }
          }
        }
        opaque |= applied.opaque();
        if (broken || applied.opaque()) {
          cluster
              .ownerOf(applied)
              .filter(k -> !kustomizations.contains(k.id().qualifiedName()))
              .ifPresent(
                  k -> {
                    kustomizations.add(k.id().qualifiedName());
                    related.add(
                        Finding.Related.of(
                            k.applied().origin(), "Kustomization " + k.id().qualifiedName()));
                  });
        }
      }
    }
    String what = "apiVersion, kind or metadata of this document are encrypted";
    if (!breaking.isEmpty()) {
      List<String> writes = new ArrayList<>();
      breaking.forEach(
          (key, origin) -> {
            String field = key.substring(0, key.indexOf(' '));
            String entry = field + " (" + origin.file() + ")";
            if (!writes.contains(entry)) {
              writes.add(entry);
            }
          });
      return new Finding(
          id(),
          Severity.ERROR,
          file.path(),
          manifest.meta().kind().range(),
          what
              + ", and "
              + kustomizations(kustomizations)
              + " rewrites it before decrypting it: "
              + String.join(", ", writes)
              + ". That plaintext lands under a path SOPS encrypted, so decryption fails (\"does"
              + " not match sops' data format\") and the whole Kustomization fails to build; "
              + FIX,
          related);
    }
    if (opaque) {
      return new Finding(
          id(),
          Severity.WARNING,
          file.path(),
          manifest.meta().kind().range(),
          what
              + ", and "
              + kustomizations(kustomizations)
              + " runs a transformer Strata does not follow (transformers, generators, helmCharts)"
              + " that may write plaintext into it before decryption, which would fail the"
              + " Kustomization's build; "
              + FIX,
          related);
    }
    return new Finding(
        id(),
        Severity.INFO,
        file.path(),
        manifest.meta().kind().range(),
        what
            + ": this works today, since kustomize passes the object through and kustomize-controller"
            + " decrypts it after the build, but any namespace, name prefix or suffix, label,"
            + " annotation or patch that reaches it will break decryption; "
            + FIX,
        related);
  }

  private static String kustomizations(List<String> names) {
    if (names.isEmpty()) {
      return "its build";
    }
    return (names.size() == 1 ? "Kustomization " : "Kustomizations ") + String.join(", ", names);
  }
}
