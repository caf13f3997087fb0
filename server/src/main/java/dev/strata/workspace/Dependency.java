package dev.strata.workspace;

import dev.strata.model.DependencyRef;

/**
 * One {@code dependsOn} entry resolved the way the controller resolves it: the namespace defaults
 * to the dependent's effective namespace, names are substituted by the applying Kustomization's
 * variables.
 */
public record Dependency(ObjectId from, DependencyRef ref, ObjectId target, String file) {
  /** True when a {@code ${VAR}} in the name or namespace could not be resolved from Git. */
  public boolean unresolved() {
    return target.unresolved();
  }
}
