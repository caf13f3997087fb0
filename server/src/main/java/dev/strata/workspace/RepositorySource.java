package dev.strata.workspace;

import java.util.Optional;

/**
 * A source that Kustomizations of this repository build from, as Strata judged it: the repository's
 * own (its artifact is made of {@code root}, a folder of this workspace, empty for the whole
 * repository) or another project's, with the reason in words. {@code origin} is where it is
 * defined; a FluxInstance's sync source is defined by the FluxInstance. {@code crdsOnly} marks
 * another project's source whose {@code spec.ignore} keeps nothing but CRD folders: it defines no
 * Kustomization, HelmRelease or secret store.
 */
public record RepositorySource(
    ObjectId id,
    Optional<String> url,
    boolean own,
    Optional<String> root,
    String reason,
    Optional<Origin> origin,
    boolean crdsOnly) {

  /** {@code GitRepository flux-system/flux-system}, as messages name it. */
  public String describe() {
    return id.kind() + " " + id.qualifiedName();
  }
}
