package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ObjectMeta;
import java.util.List;
import java.util.Optional;

/**
 * A manifest as one cluster applies it: its effective identity, the Flux Kustomization that applies
 * it ({@code owner}, empty for objects applied at the root), the variables that owner substitutes
 * into it and, for Kustomizations and HelmReleases, its resolved dependencies.
 */
public record Applied(
    Manifest manifest,
    String file,
    ObjectId id,
    Optional<ObjectId> owner,
    Substitution substitution,
    List<Dependency> dependencies) {
  public Applied {
    dependencies = List.copyOf(dependencies);
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
}
