package dev.strata.analysis;

import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The {@code dependsOn} graph of one cluster: Kustomizations and HelmReleases, each kind evaluated
 * as Flux evaluates it, with an edge from dependent to dependency. Read-only; jgrapht stays inside.
 */
public final class DependencyGraph {
  private final Cluster cluster;
  private final Graph<ObjectId, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
  private final Map<ObjectId, Applied> nodes = new HashMap<>();
  private final Map<ObjectId, List<Dependency>> outgoing = new HashMap<>();
  private final Map<ObjectId, List<Dependency>> incoming = new HashMap<>();
  private List<Cycle> cycles;

  DependencyGraph(Cluster cluster) {
    this.cluster = cluster;
    for (Applied applied : cluster.objects()) {
      if (isNode(applied) && nodes.putIfAbsent(applied.id(), applied) == null) {
        graph.addVertex(applied.id());
      }
    }
    for (Applied applied : nodes.values()) {
      for (Dependency dependency : applied.dependencies()) {
        outgoing.computeIfAbsent(applied.id(), k -> new ArrayList<>()).add(dependency);
        if (nodes.containsKey(dependency.target())) {
          incoming.computeIfAbsent(dependency.target(), k -> new ArrayList<>()).add(dependency);
          graph.addEdge(applied.id(), dependency.target());
        }
      }
    }
  }

  static boolean isNode(Applied applied) {
    return applied.manifest() instanceof dev.strata.model.FluxKustomization
        || applied.manifest() instanceof dev.strata.model.HelmRelease;
  }

  public Cluster cluster() {
    return cluster;
  }

  public Set<ObjectId> nodes() {
    return nodes.keySet();
  }

  public Optional<Applied> node(ObjectId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /** Every {@code dependsOn} entry of a node, resolved or not. */
  public List<Dependency> dependencies(ObjectId id) {
    return outgoing.getOrDefault(id, List.of());
  }

  /** The entries elsewhere that name this node. */
  public List<Dependency> dependents(ObjectId id) {
    return incoming.getOrDefault(id, List.of());
  }

  public boolean contains(ObjectId id) {
    return nodes.containsKey(id);
  }

  /**
   * Every cycle once: each strongly connected set of more than one node, and each self-reference.
   */
  public synchronized List<Cycle> cycles() {
    if (cycles == null) {
      cycles = findCycles();
    }
    return cycles;
  }

  private List<Cycle> findCycles() {
    List<Cycle> result = new ArrayList<>();
    for (Set<ObjectId> component :
        new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
      boolean selfLoop =
          component.size() == 1
              && graph.containsEdge(component.iterator().next(), component.iterator().next());
      if (component.size() < 2 && !selfLoop) {
        continue;
      }
      List<Dependency> edges = new ArrayList<>();
      for (ObjectId member : component) {
        for (Dependency dependency : dependencies(member)) {
          if (component.contains(dependency.target())) {
            edges.add(dependency);
          }
        }
      }
      result.add(new Cycle(path(component), component, edges));
    }
    result.sort(Comparator.comparing(c -> c.path().get(0)));
    return result;
  }

  /**
   * A closed walk through the component, starting at its smallest member, visiting each member once
   * when it can.
   */
  private List<ObjectId> path(Set<ObjectId> component) {
    ObjectId start = component.stream().min(Comparator.naturalOrder()).orElseThrow();
    List<ObjectId> path = new ArrayList<>();
    Set<ObjectId> seen = new HashSet<>();
    ObjectId current = start;
    while (seen.add(current)) {
      path.add(current);
      ObjectId next = null;
      for (ObjectId candidate : successorsIn(current, component)) {
        if (candidate.equals(start) && seen.size() == component.size()) {
          return path;
        }
        if (!seen.contains(candidate) && next == null) {
          next = candidate;
        }
      }
      if (next == null) {
        return shortestBack(start, path, component);
      }
      current = next;
    }
    return path;
  }

  private List<ObjectId> shortestBack(
      ObjectId start, List<ObjectId> path, Set<ObjectId> component) {
    ObjectId last = path.get(path.size() - 1);
    Map<ObjectId, ObjectId> parent = new HashMap<>();
    Deque<ObjectId> queue = new ArrayDeque<>(List.of(last));
    parent.put(last, last);
    while (!queue.isEmpty()) {
      ObjectId node = queue.poll();
      for (ObjectId next : successorsIn(node, component)) {
        if (next.equals(start)) {
          List<ObjectId> tail = new ArrayList<>();
          for (ObjectId n = node; !n.equals(last); n = parent.get(n)) {
            tail.add(0, n);
          }
          List<ObjectId> result = new ArrayList<>(path);
          for (ObjectId n : tail) {
            if (!result.contains(n)) {
              result.add(n);
            }
          }
          return result;
        }
        if (!parent.containsKey(next)) {
          parent.put(next, node);
          queue.add(next);
        }
      }
    }
    return path;
  }

  private List<ObjectId> successorsIn(ObjectId node, Set<ObjectId> component) {
    List<ObjectId> result = new ArrayList<>();
    for (Dependency dependency : dependencies(node)) {
      if (component.contains(dependency.target()) && !result.contains(dependency.target())) {
        result.add(dependency.target());
      }
    }
    result.sort(Comparator.naturalOrder());
    return result;
  }

  /** Everything a node waits for, nearest first (breadth-first over {@code dependsOn}). */
  public List<ObjectId> upstream(ObjectId id) {
    return reach(id, true);
  }

  /** Everything that waits for a node, nearest first. */
  public List<ObjectId> downstream(ObjectId id) {
    return reach(id, false);
  }

  private List<ObjectId> reach(ObjectId id, boolean up) {
    Set<ObjectId> seen = new LinkedHashSet<>();
    Deque<ObjectId> queue = new ArrayDeque<>(List.of(id));
    while (!queue.isEmpty()) {
      ObjectId node = queue.poll();
      List<Dependency> edges = up ? dependencies(node) : dependents(node);
      for (Dependency edge : edges) {
        ObjectId next = up ? edge.target() : edge.from();
        if (nodes.containsKey(next) && !next.equals(id) && seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return new ArrayList<>(seen);
  }

  /**
   * True when adding {@code from -> to} would close a cycle: {@code to} already waits for {@code
   * from}.
   */
  public boolean wouldCreateCycle(ObjectId from, ObjectId to) {
    return from.equals(to) || upstream(to).contains(from);
  }

  /** One shortest {@code dependsOn} path from a node to another, if any. */
  public Optional<List<ObjectId>> pathBetween(ObjectId from, ObjectId to) {
    Map<ObjectId, ObjectId> parent = new HashMap<>();
    Deque<ObjectId> queue = new ArrayDeque<>(List.of(from));
    parent.put(from, from);
    while (!queue.isEmpty()) {
      ObjectId node = queue.poll();
      if (node.equals(to)) {
        List<ObjectId> path = new ArrayList<>();
        for (ObjectId n = to; !n.equals(from); n = parent.get(n)) {
          path.add(0, n);
        }
        path.add(0, from);
        return Optional.of(path);
      }
      for (Dependency edge : dependencies(node)) {
        if (nodes.containsKey(edge.target()) && !parent.containsKey(edge.target())) {
          parent.put(edge.target(), node);
          queue.add(edge.target());
        }
      }
    }
    return Optional.empty();
  }
}
