package dev.strata.workspace;

import java.util.List;
import java.util.Optional;

/**
 * Where a cluster starts. {@code BOOTSTRAP}, {@code FLUX_INSTANCE} and {@code CONFIGURED} roots are
 * a folder that the cluster's root Kustomization ({@code flux-system/flux-system}) builds; {@code
 * UNAPPLIED} roots are files holding Flux Kustomizations that nothing in the repository applies,
 * applied from outside.
 */
public record ClusterRoot(
    Kind kind, String name, Optional<String> path, List<String> files, Optional<Origin> origin) {
  public enum Kind {
    BOOTSTRAP,
    FLUX_INSTANCE,
    CONFIGURED,
    UNAPPLIED
  }

  public ClusterRoot {
    files = List.copyOf(files);
  }

  /**
   * The id of the root Kustomization that Flux creates for a folder root; empty for unapplied
   * roots.
   */
  public Optional<ObjectId> rootId() {
    return kind == Kind.UNAPPLIED
        ? Optional.empty()
        : Optional.of(ObjectId.kustomization("flux-system", "flux-system"));
  }
}
