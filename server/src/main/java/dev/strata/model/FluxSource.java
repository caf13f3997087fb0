package dev.strata.model;

import java.util.Optional;

/**
 * A Flux source: {@code GitRepository}, {@code OCIRepository}, {@code Bucket}, {@code
 * ExternalArtifact} (artifacts a Kustomization builds) or {@code HelmRepository} (charts). {@code
 * url} is the repository or registry address ({@code endpoint} for a Bucket); {@code ignore} is the
 * text of {@code spec.ignore}, in {@code .gitignore} form.
 */
public record FluxSource(
    ObjectMeta meta,
    Optional<Located<String>> secretRef,
    Optional<Located<String>> url,
    Optional<Located<String>> ignore)
    implements Manifest {
  public static final String GROUP = "source.toolkit.fluxcd.io";

  /** True for the kinds a Flux Kustomization can build from. */
  public boolean artifactSource() {
    return !kind().equals("HelmRepository");
  }
}
