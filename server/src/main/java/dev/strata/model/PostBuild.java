package dev.strata.model;

import java.util.List;
import java.util.Map;

/** A Flux Kustomization's {@code spec.postBuild}: inline variables and where more come from. */
public record PostBuild(
    boolean present, Map<String, String> substitute, List<ObjectReference> substituteFrom) {
  public static final PostBuild NONE = new PostBuild(false, Map.of(), List.of());

  public PostBuild {
    substitute = Map.copyOf(substitute);
    substituteFrom = List.copyOf(substituteFrom);
  }
}
