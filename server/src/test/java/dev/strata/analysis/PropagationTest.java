package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.NeedGraph.Edge;
import dev.strata.analysis.NeedGraph.Kind;
import dev.strata.analysis.NeedGraph.Node;
import dev.strata.workspace.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The array propagation of the need graph reaches exactly what the plain fixed point over hash maps
 * (the need graph's first implementation, kept here as the reference) reaches, on random graphs
 * with any-of facts, seeds, facts that are down, repeated edges and loops.
 */
class PropagationTest {
  @Property(tries = 1000)
  void reachesWhatTheFixedPointReaches(
      @ForAll @Size(max = 50) List<@IntRange(max = 14) Integer> from,
      @ForAll @Size(max = 50) List<@IntRange(max = 19) Integer> to,
      @ForAll @Size(max = 20) Set<@IntRange(max = 19) Integer> anyOf,
      @ForAll @Size(max = 20) Set<@IntRange(max = 19) Integer> seeded,
      @ForAll @Size(max = 20) Set<@IntRange(max = 19) Integer> down,
      @ForAll @Size(max = 5) Set<@IntRange(max = 19) Integer> withoutNeeds) {
    Map<Node, List<Edge>> needs = graph(from, to, withoutNeeds);
    Set<Node> anyOfNodes = nodes(anyOf);
    Predicate<Node> isSeeded = nodes(seeded)::contains;
    Predicate<Node> isDown = nodes(down)::contains;
    assertEquals(
        reference(needs, anyOfNodes, isSeeded, isDown),
        new NeedGraph.Propagation(needs, anyOfNodes).run(isSeeded, isDown));
  }

  /**
   * The blocked cycles found over the numbering are those found over the maps, group for group and
   * member for member in the same order (the deadlock rules report the first cycle per anchor).
   */
  @Property(tries = 1000)
  void findsTheBlockedCyclesTheMapsFind(
      @ForAll @Size(max = 60) List<@IntRange(max = 14) Integer> from,
      @ForAll @Size(max = 60) List<@IntRange(max = 19) Integer> to,
      @ForAll @Size(max = 20) Set<@IntRange(max = 19) Integer> anyOf,
      @ForAll @Size(max = 6) Set<@IntRange(max = 19) Integer> seeded,
      @ForAll @Size(max = 5) Set<@IntRange(max = 19) Integer> withoutNeeds) {
    Map<Node, List<Edge>> needs = graph(from, to, withoutNeeds);
    NeedGraph.Propagation propagation = new NeedGraph.Propagation(needs, nodes(anyOf));
    Set<Node> reached = propagation.run(nodes(seeded)::contains, n -> false);
    List<List<Node>> expected =
        blockedCycles(needs, reached).stream().map(c -> List.copyOf(c)).toList();
    assertEquals(
        expected, propagation.blockedCycles(reached).stream().map(c -> List.copyOf(c)).toList());
  }

  /**
   * The blocked cycles over maps, as the need graph first found them: Tarjan's components of the
   * keys not reached over their needs not reached, with more than one member or a need on itself.
   */
  private static List<Set<Node>> blockedCycles(Map<Node, List<Edge>> needs, Set<Node> reached) {
    Map<Node, List<Node>> blocked = new LinkedHashMap<>();
    for (Map.Entry<Node, List<Edge>> entry : needs.entrySet()) {
      if (reached.contains(entry.getKey())) {
        continue;
      }
      List<Node> targets = new ArrayList<>();
      for (Edge edge : entry.getValue()) {
        if (needs.containsKey(edge.to()) && !reached.contains(edge.to())) {
          targets.add(edge.to());
        }
      }
      blocked.put(entry.getKey(), targets);
    }
    List<Set<Node>> result = new ArrayList<>();
    for (Set<Node> component : Tarjan.components(blocked)) {
      Node first = component.iterator().next();
      if (component.size() > 1 || blocked.get(first).contains(first)) {
        result.add(component);
      }
    }
    return result;
  }

  /** Facts without needs, then an edge from each {@code from} to the {@code to} at its index. */
  private static Map<Node, List<Edge>> graph(
      List<Integer> from, List<Integer> to, Set<Integer> withoutNeeds) {
    Map<Node, List<Edge>> needs = new LinkedHashMap<>();
    for (int i : withoutNeeds) {
      needs.put(node(i), new ArrayList<>());
    }
    for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
      Node a = node(from.get(i));
      needs.computeIfAbsent(a, k -> new ArrayList<>()).add(edge(a, node(to.get(i))));
    }
    return needs;
  }

  private static Node node(int i) {
    return new Node(Kind.READY, new ObjectId("Kustomization", "flux-system", "k" + i));
  }

  private static Edge edge(Node from, Node to) {
    return new Edge(from, to, NeedGraph.Cause.DEPENDS_ON, "test", null);
  }

  private static Set<Node> nodes(Set<Integer> indexes) {
    Set<Node> result = new HashSet<>();
    indexes.forEach(i -> result.add(node(i)));
    return result;
  }

  private static Set<Node> reference(
      Map<Node, List<Edge>> needs, Set<Node> anyOf, Predicate<Node> seeded, Predicate<Node> down) {
    Map<Node, Integer> remaining = new HashMap<>();
    Map<Node, List<Node>> waiting = new HashMap<>();
    Deque<Node> queue = new ArrayDeque<>();
    Set<Node> done = new HashSet<>();
    for (Map.Entry<Node, List<Edge>> entry : needs.entrySet()) {
      Node node = entry.getKey();
      if (down.test(node)) {
        continue;
      }
      if (seeded.test(node)) {
        queue.add(node);
        continue;
      }
      Set<Node> targets = new LinkedHashSet<>();
      entry.getValue().forEach(e -> targets.add(e.to()));
      for (Node target : targets) {
        waiting.computeIfAbsent(target, k -> new ArrayList<>()).add(node);
      }
      int count = anyOf.contains(node) ? (targets.isEmpty() ? 0 : 1) : targets.size();
      remaining.put(node, count);
      if (count == 0) {
        queue.add(node);
      }
      for (Node target : targets) {
        if (!needs.containsKey(target) && !down.test(target)) {
          queue.add(target);
        }
      }
    }
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      if (!done.add(node)) {
        continue;
      }
      for (Node waiter : waiting.getOrDefault(node, List.of())) {
        Integer count = remaining.get(waiter);
        if (count == null || count == 0 || done.contains(waiter)) {
          continue;
        }
        remaining.put(waiter, count - 1);
        if (count - 1 == 0) {
          queue.add(waiter);
        }
      }
    }
    return done;
  }
}
