package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class TarjanTest {
  /**
   * The components are those JGraphT's Kosaraju finds, on any graph, loops and repeats included.
   */
  @Property(tries = 500)
  void findsTheComponentsKosarajuFinds(
      @ForAll @Size(max = 60) List<@IntRange(max = 19) Integer> from,
      @ForAll @Size(max = 60) List<@IntRange(max = 24) Integer> to) {
    Map<Integer, List<Integer>> adjacency = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
      adjacency.computeIfAbsent(from.get(i), k -> new ArrayList<>()).add(to.get(i));
    }
    Graph<Integer, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    adjacency.forEach(
        (a, targets) -> {
          graph.addVertex(a);
          for (Integer b : targets) {
            graph.addVertex(b);
            graph.addEdge(a, b);
          }
        });
    Set<Set<Integer>> expected =
        new HashSet<>(new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets());
    List<Set<Integer>> found = Tarjan.components(adjacency);
    assertEquals(expected, new HashSet<>(found));
    assertEquals(expected.size(), found.size(), "each component once");
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    Map<Integer, List<Integer>> chain = new LinkedHashMap<>();
    int length = 200_000;
    for (int i = 0; i < length; i++) {
      chain.put(i, List.of(i + 1));
    }
    chain.put(length, List.of(0));
    List<Set<Integer>> components = Tarjan.components(chain);
    assertEquals(1, components.size());
    assertEquals(length + 1, components.get(0).size());
  }
}
