package dev.strata.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/** Strongly connected components of a small directed graph given as adjacency lists. */
final class Tarjan {
  private Tarjan() {}

  static <T> List<Set<T>> components(Map<T, List<T>> adjacency) {
    Graph<T, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    adjacency.keySet().forEach(graph::addVertex);
    adjacency.forEach(
        (from, targets) -> {
          for (T to : targets) {
            graph.addVertex(to);
            graph.addEdge(from, to);
          }
        });
    return new ArrayList<>(
        new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets());
  }
}
