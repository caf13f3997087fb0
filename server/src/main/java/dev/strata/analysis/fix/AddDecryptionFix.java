package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.model.FluxKustomization;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds {@code spec.decryption} with provider {@code sops} to the Kustomization that applies a SOPS
 * object.
 */
public final class AddDecryptionFix implements FixBuilder {
  static final String DEFAULT_SECRET = "sops-age";

  @Override
  public String rule() {
    return "sops-decryption-missing";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    return Targets.appliedAt(analysis, finding.file(), finding.range().start())
        .flatMap(l -> l.cluster().ownerOf(l.applied()))
        .flatMap(owner -> fix(analysis.snapshot(), owner))
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Fix> fix(Snapshot snapshot, AppliedKustomization owner) {
    Changes changes = new Changes();
    String secret = secretName(snapshot);
    if (!add(snapshot, changes, owner, secret)) {
      return Optional.empty();
    }
    String title =
        "Add spec.decryption (provider sops, secretRef "
            + secret
            + ") to Kustomization "
            + owner.id().qualifiedName();
    return changes.fix(title, true, false);
  }

  /**
   * Adds the decryption to a Kustomization's own document; false when it has one or cannot take
   * one.
   */
  static boolean add(
      Snapshot snapshot, Changes changes, AppliedKustomization owner, String secret) {
    Optional<SourceFile> file = snapshot.file(owner.applied().file());
    return file.isPresent()
        && new KustomizationEdits(changes.edits(file.get()), owner.applied().meta().node())
            .addDecryption(secret);
  }

  /** The decryption Secret the repository already names most often, else {@code sops-age}. */
  static String secretName(Snapshot snapshot) {
    Map<String, Integer> counts = new TreeMap<>();
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        if (manifest instanceof FluxKustomization kustomization) {
          kustomization
              .decryption()
              .flatMap(d -> d.secretRef())
              .map(Located::value)
              .filter(name -> !name.isBlank() && !name.contains("${"))
              .ifPresent(name -> counts.merge(name, 1, Integer::sum));
        }
      }
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(DEFAULT_SECRET);
  }
}
