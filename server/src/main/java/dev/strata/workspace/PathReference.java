package dev.strata.workspace;

import dev.strata.text.Range;

/**
 * A path written in a manifest ({@code spec.path}, {@code resources:}, {@code components:}) and
 * what it resolved to. {@code target} is repository-relative; empty when the path leaves the
 * repository.
 */
public record PathReference(
    String file, Range range, String written, String target, Status status) {
  public enum Status {
    FOUND,
    MISSING,
    OUTSIDE_REPOSITORY,
    NOT_A_KUSTOMIZATION,
    NOT_A_DIRECTORY,
    /** In the repository, but left out of the source's artifact by its ignore rules. */
    EXCLUDED,
    REMOTE
  }
}
