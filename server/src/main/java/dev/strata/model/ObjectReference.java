package dev.strata.model;

import java.util.Optional;

/**
 * A reference to another object by name: {@code sourceRef}, {@code secretRef}, {@code valuesFrom}
 * and the like. {@code kind} and {@code namespace} are present only where the field has them;
 * {@code optional} is the {@code optional: true} of {@code substituteFrom} and {@code valuesFrom}
 * entries, which tolerate an absent object.
 */
public record ObjectReference(
    Optional<Located<String>> kind,
    Located<String> name,
    Optional<Located<String>> namespace,
    boolean optional) {

  public ObjectReference(
      Optional<Located<String>> kind, Located<String> name, Optional<Located<String>> namespace) {
    this(kind, name, namespace, false);
  }

  public static ObjectReference named(Located<String> name) {
    return new ObjectReference(Optional.empty(), name, Optional.empty());
  }

  public String kindOr(String fallback) {
    return kind.map(Located::value).orElse(fallback);
  }
}
