package dev.strata.workspace;

import java.util.Optional;

/**
 * What the enclosing builds impose on the documents below them: the applying Kustomization, the
 * namespace set by the outermost transformer (Flux's {@code targetNamespace} or a kustomize {@code
 * namespace:}), name prefixes and suffixes, and the variables that will be substituted.
 */
record RenderContext(
    Optional<AppliedKustomization> owner,
    Optional<ObjectId> ownerId,
    Optional<String> namespace,
    String prefix,
    String suffix,
    Substitution substitution) {

  static RenderContext root(Optional<ObjectId> rootId) {
    return new RenderContext(Optional.empty(), rootId, Optional.empty(), "", "", Substitution.NONE);
  }

  static RenderContext of(AppliedKustomization kustomization, Optional<String> targetNamespace) {
    return new RenderContext(
        Optional.of(kustomization),
        Optional.of(kustomization.id()),
        targetNamespace,
        kustomization.kustomization().namePrefix().orElse(""),
        kustomization.kustomization().nameSuffix().orElse(""),
        Substitution.of(kustomization.postBuild()));
  }

  /**
   * An inner overlay's namespace applies only when no outer transformer set one: the outer one
   * wins.
   */
  RenderContext enterOverlay(
      Optional<String> overlayNamespace, String overlayPrefix, String overlaySuffix) {
    return new RenderContext(
        owner,
        ownerId,
        namespace.isPresent() ? namespace : overlayNamespace,
        prefix + overlayPrefix,
        overlaySuffix + suffix,
        substitution);
  }
}
