package dev.strata.analysis;

import dev.strata.text.Range;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependency graph of one cluster as plain data for drawing: nodes with their file, layer and
 * cycle membership, edges (unresolved ones included) and cycles. The CLI's writers and the LSP's
 * {@code strata/dependencyGraph} request both read this.
 */
public record GraphView(
    String cluster, List<Node> nodes, List<Edge> edges, List<List<ObjectId>> cycles) {
  public record Node(
      ObjectId id, String file, Range range, String layer, boolean inCycle, boolean suspended) {}

  public record Edge(ObjectId from, ObjectId to, boolean inCycle, boolean resolved) {}

  public static GraphView of(Analysis analysis, Cluster cluster) {
    DependencyGraph graph = analysis.graph(cluster);
    Set<ObjectId> inCycle = new HashSet<>();
    List<List<ObjectId>> cycles = new ArrayList<>();
    for (Cycle cycle : graph.cycles()) {
      inCycle.addAll(cycle.members());
      cycles.add(cycle.path());
    }
    Layers layers = analysis.layers(cluster);
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (ObjectId id : graph.nodes().stream().sorted().toList()) {
      Applied applied = graph.node(id).orElseThrow();
      nodes.add(
          new Node(
              id,
              applied.file(),
              applied.meta().anchor(),
              layers.of(applied).label(),
              inCycle.contains(id),
              isSuspended(applied)));
      for (Dependency dependency : graph.dependencies(id)) {
        boolean resolved = graph.contains(dependency.target());
        boolean cyclic =
            resolved && inCycle.contains(id) && sameCycle(graph, id, dependency.target());
        edges.add(new Edge(id, dependency.target(), cyclic, resolved));
      }
    }
    edges.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to));
    return new GraphView(cluster.name(), nodes, edges, cycles);
  }

  private static boolean sameCycle(DependencyGraph graph, ObjectId a, ObjectId b) {
    return graph.cycles().stream()
        .anyMatch(c -> c.members().contains(a) && c.members().contains(b));
  }

  private static boolean isSuspended(Applied applied) {
    if (applied.manifest() instanceof dev.strata.model.FluxKustomization k) {
      return k.suspend();
    }
    return applied.manifest() instanceof dev.strata.model.HelmRelease h && h.suspend();
  }
}
