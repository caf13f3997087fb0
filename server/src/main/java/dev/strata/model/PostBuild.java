package dev.strata.model;

import java.util.List;
import java.util.Map;

/**
 * A Flux Kustomization's {@code spec.postBuild}: inline variables, where more come from, and
 * whether {@code substituteStrategy: Always} makes substitution run with no variable defined
 * (kustomize-controller v1.9 {@code api/v1/kustomization_types.go} {@code PostBuild}).
 */
public record PostBuild(
    boolean present,
    Map<String, String> substitute,
    List<ObjectReference> substituteFrom,
    boolean always) {
  public static final PostBuild NONE = new PostBuild(false, Map.of(), List.of(), false);

  public PostBuild {
    substitute = Map.copyOf(substitute);
    substituteFrom = List.copyOf(substituteFrom);
  }

  public PostBuild(
      boolean present, Map<String, String> substitute, List<ObjectReference> substituteFrom) {
    this(present, substitute, substituteFrom, false);
  }
}
