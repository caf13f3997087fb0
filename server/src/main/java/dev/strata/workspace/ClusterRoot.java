package dev.strata.workspace;

import java.util.List;
import java.util.Optional;

/**
 * Where a cluster starts: the root Kustomizations, each seeded as the cluster applies it. {@code
 * SELF_APPLYING} roots apply their own definitions ({@code flux bootstrap}, {@code kubectl apply
 * -k} layouts); {@code BOOTSTRAP} roots are written beside their source, as {@code flux bootstrap}
 * writes them, and applied from outside; {@code FLUX_INSTANCE} roots are the sync Kustomization of
 * a FluxInstance applied from outside; {@code CONFIGURED} roots are named in {@code .strata.yaml};
 * {@code UNAPPLIED} roots are Kustomizations that nothing in the repository applies, when nothing
 * else roots a cluster. {@code name} is the folder the entry root builds; {@code members} are the
 * documents of every root Kustomization (a root component may hold several that apply each other).
 */
public record ClusterRoot(
    Kind kind,
    String name,
    List<Seed> seeds,
    java.util.Set<String> members,
    Optional<Origin> origin) {
  public enum Kind {
    SELF_APPLYING,
    BOOTSTRAP,
    FLUX_INSTANCE,
    CONFIGURED,
    UNAPPLIED
  }

  /**
   * A root Kustomization as it is first applied: by another root of the same component ({@code
   * applier}), or from outside.
   */
  record Seed(Emitted object, Optional<Emitted> applier) {}

  public ClusterRoot {
    seeds = List.copyOf(seeds);
    members = java.util.Set.copyOf(members);
  }
}
