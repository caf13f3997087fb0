package dev.strata.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The clusters of a snapshot and which files any of them applies. */
public record RenderTree(List<Cluster> clusters, Set<String> appliedFiles) {
  public RenderTree {
    clusters = List.copyOf(clusters);
    appliedFiles = Set.copyOf(appliedFiles);
  }

  public boolean applied(String file) {
    return appliedFiles.contains(file);
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

  static Set<String> union(List<Set<String>> sets) {
    Set<String> result = new HashSet<>();
    sets.forEach(result::addAll);
    return result;
  }
}
