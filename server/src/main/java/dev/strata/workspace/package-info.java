/**
 * The repository as an immutable snapshot: every file's text, syntax and manifests, the
 * configuration, and the render tree that follows Flux from each cluster root through {@code
 * spec.path}, kustomize overlays, namespaces, substitutions and parent patches. A change makes a
 * new snapshot that reuses every file it did not touch. Only {@link dev.strata.workspace.Loader}
 * touches the file system.
 */
package dev.strata.workspace;
