package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Finding;
import dev.strata.text.Position;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.Optional;

/**
 * Finds what a finding points at: the applied object under its range, the dependsOn entry it names.
 */
final class Targets {
  private Targets() {}

  /** The object a cluster applies from the document holding a position, with its cluster. */
  record Located(Cluster cluster, Applied applied) {}

  static Optional<Located> appliedAt(Analysis analysis, String file, Position position) {
    for (Cluster cluster : analysis.clusters()) {
      for (Applied applied : cluster.inFile(file)) {
        if (applied.meta().range().contains(position)) {
          return Optional.of(new Located(cluster, applied));
        }
      }
    }
    return Optional.empty();
  }

  /** The dependsOn entry whose name a finding's range covers, with the graph it belongs to. */
  record Edge(Cluster cluster, DependencyGraph graph, Dependency dependency) {}

  static Optional<Edge> dependencyAt(Analysis analysis, Finding finding) {
    for (Cluster cluster : analysis.clusters()) {
      DependencyGraph graph = analysis.graph(cluster);
      for (ObjectId node : graph.nodes()) {
        for (Dependency dependency : graph.dependencies(node)) {
          if (dependency.file().equals(finding.file())
              && dependency.ref().name().range().equals(finding.range())) {
            return Optional.of(new Edge(cluster, graph, dependency));
          }
        }
      }
    }
    return Optional.empty();
  }
}
