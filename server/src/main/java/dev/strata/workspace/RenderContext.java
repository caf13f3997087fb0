package dev.strata.workspace;

import java.util.List;
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
    Substitution substitution,
    List<SourcedPatch> overlayPatches) {

  RenderContext {
    overlayPatches = List.copyOf(overlayPatches);
  }

  static RenderContext root(Optional<ObjectId> rootId) {
    return new RenderContext(
        Optional.empty(), rootId, Optional.empty(), "", "", Substitution.NONE, List.of());
  }

  static RenderContext of(AppliedKustomization kustomization, Optional<String> targetNamespace) {
    return new RenderContext(
        Optional.of(kustomization),
        Optional.of(kustomization.id()),
        targetNamespace,
        kustomization.kustomization().namePrefix().orElse(""),
        kustomization.kustomization().nameSuffix().orElse(""),
        Substitution.of(kustomization.postBuild()),
        List.of());
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
        substitution,
        overlayPatches);
  }

  /**
   * Patches of an inner overlay come after those of the overlays around it in this list; kustomize
   * applies the inner ones first, so the outer ones win.
   */
  RenderContext withPatches(List<SourcedPatch> patches) {
    if (patches.isEmpty()) {
      return this;
    }
    List<SourcedPatch> all = new java.util.ArrayList<>(overlayPatches);
    all.addAll(patches);
    return new RenderContext(owner, ownerId, namespace, prefix, suffix, substitution, all);
  }
}
