package dev.strata.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clusters of a snapshot, the repository's sources, which files any cluster reads ({@code
 * appliedFiles}) and which files kustomize reads as opaque data anywhere in the repository ({@code
 * dataFiles}: generator inputs are not manifests, whatever they hold), and what exists before Flux
 * runs ({@code seeds}).
 */
public record RenderTree(
    List<Cluster> clusters,
    Set<String> appliedFiles,
    Set<String> dataFiles,
    Sources sources,
    Seeds seeds) {
  public RenderTree {
    clusters = List.copyOf(clusters);
    appliedFiles = Set.copyOf(appliedFiles);
    dataFiles = Set.copyOf(dataFiles);
  }

  public boolean applied(String file) {
    return appliedFiles.contains(file);
  }

  /** True when kustomize reads the file as the data of a generator, not as manifests. */
  public boolean data(String file) {
    return dataFiles.contains(file);
  }

  public Optional<Cluster> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The clusters that apply a file, in cluster order. */
  public List<Cluster> clustersOf(String file) {
    List<Cluster> result = new ArrayList<>();
    for (Cluster cluster : clusters) {
      if (!cluster.inFile(file).isEmpty()) {
        result.add(cluster);
      }
    }
    return result;
  }
}
