package dev.strata.workspace;

import java.util.List;
import java.util.Set;

/**
 * The result of building one folder as kustomize (or, for a folder without a kustomization file,
 * Flux's generated kustomization) builds it: the objects it emits, every path entry it met and what
 * that entry resolved to, the files it read ({@code files}: kustomization, resource, patch and
 * replacement files) and the files it read as opaque data ({@code dataFiles}: generator inputs).
 * {@code duplicates} are objects emitted twice, which fails a kustomize build. A value of its
 * inputs alone, so one build per folder serves every Kustomization that builds it.
 */
record KustomizeBuild(
    String folder,
    List<Emitted> objects,
    List<PathReference> references,
    Set<String> files,
    Set<String> dataFiles,
    List<Duplicate> duplicates) {
  KustomizeBuild {
    objects = List.copyOf(objects);
    references = List.copyOf(references);
    files = Set.copyOf(files);
    dataFiles = Set.copyOf(dataFiles);
    duplicates = List.copyOf(duplicates);
  }

  /** Two objects of one build with the same group, version, kind, namespace and name. */
  record Duplicate(Emitted first, Emitted second) {}
}
