package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest as one cluster applies it: its effective identity, what applies it ({@code owner}: the
 * Flux Kustomization whose build holds it, or the object a controller created it from; empty for a
 * root applied from outside), the variables its owner substitutes into it, its labels and
 * annotations after every transformer, the fields a patch, replacement or transformer (namespace,
 * name prefix or suffix, labels, annotations) set ({@code changes}, with where), whether a
 * transformer Strata does not follow may have changed it ({@code opaque}) and, for Kustomizations
 * and HelmReleases, its resolved dependencies.
 */
public record Applied(
    Manifest manifest,
    String file,
    ObjectId id,
    Optional<ObjectId> owner,
    Substitution substitution,
    List<Dependency> dependencies,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, Origin> changes,
    boolean opaque) {
  public Applied {
    dependencies = List.copyOf(dependencies);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    changes = Map.copyOf(changes);
  }

  public ObjectMeta meta() {
    return manifest.meta();
  }

  public Origin origin() {
    return new Origin(file, manifest.meta().anchor());
  }

  /** A field value after the owner's substitution. */
  public String substituted(String text) {
    return substitution.apply(text);
  }

  /** Where a field was set: the patch or replacement that set it, else this object's own text. */
  public Optional<Origin> changedBy(String field) {
    return Optional.ofNullable(changes.get(field));
  }
}
