package dev.strata.model;

import java.util.Optional;

/** The {@code target} selector of a kustomize or Flux patch. */
public record PatchTarget(
    Optional<String> group,
    Optional<String> version,
    Optional<String> kind,
    Optional<String> name,
    Optional<String> namespace,
    Optional<String> labelSelector,
    Optional<String> annotationSelector) {
  public static final PatchTarget ANY =
      new PatchTarget(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
}
