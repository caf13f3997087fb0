package dev.strata.model;

import java.util.List;
import java.util.Optional;

/**
 * A Flux Operator {@code FluxInstance}, read from its own document or from the {@code instance}
 * values of a flux-instance Helm chart. The operator creates, for {@code sync}, a source and a
 * Kustomization both named {@code sync.name} (by default the instance's namespace) in the
 * instance's namespace, and applies {@code patches} ({@code spec.kustomize.patches}) to everything
 * it generates, the sync Kustomization included (flux-operator {@code internal/builder}).
 */
public record FluxInstance(
    ObjectMeta meta,
    Optional<Sync> sync,
    Optional<Located<String>> distributionVersion,
    List<Patch> patches)
    implements Manifest {
  public static final String GROUP = "fluxcd.controlplane.io";

  public FluxInstance {
    patches = List.copyOf(patches);
  }

  /** {@code spec.sync}: the source kind, its URL and ref, the path to build, and the name. */
  public record Sync(
      Located<String> kind,
      Optional<Located<String>> url,
      Optional<Located<String>> ref,
      Optional<Located<String>> path,
      Optional<Located<String>> name,
      Optional<Located<String>> pullSecret) {}

  public Optional<Located<String>> syncPath() {
    return sync.flatMap(Sync::path);
  }
}
