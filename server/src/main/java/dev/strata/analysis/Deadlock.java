package dev.strata.analysis;

import dev.strata.model.FluxKustomization;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A cycle of the need graph that keeps a fresh cluster from starting: through a Secret an
 * ExternalSecret makes ({@code SECRET}: the chicken-and-egg of External Secrets), through an input
 * of a build that only the build itself, or something waiting for it, creates ({@code
 * BUILD_INPUT}), or through the CRDs of a custom resource that only its own build, or something
 * waiting for it, installs ({@code CRD}). {@code anchor} is the object to report on; {@code cycle}
 * walks the cycle from it, edge by edge. {@code seed} is set when a bootstrap step breaks the
 * cycle: the cluster starts, but cannot be rebuilt from Git alone.
 */
public record Deadlock(
    Type type, Applied anchor, List<NeedGraph.Edge> cycle, Optional<Origin> seed) {
  public enum Type {
    SECRET,
    BUILD_INPUT,
    CRD
  }

  public Deadlock {
    cycle = List.copyOf(cycle);
  }

  public boolean seeded() {
    return seed.isPresent();
  }

  /**
   * The edges of the cycle worth a sentence: all but the steps inside one object ("is Ready only
   * once it is installed", "is installed only once it exists").
   */
  public List<NeedGraph.Edge> steps() {
    List<NeedGraph.Edge> steps = new ArrayList<>();
    for (NeedGraph.Edge edge : cycle) {
      if (!(edge.cause() == NeedGraph.Cause.STRUCTURE && edge.from().id().equals(edge.to().id()))) {
        steps.add(edge);
      }
    }
    return steps.isEmpty() ? cycle : steps;
  }

  /** The cycle in words, one step a sentence, with the file and line of each. */
  public String walk() {
    List<String> steps = new ArrayList<>();
    for (NeedGraph.Edge edge : steps()) {
      steps.add(
          edge.from()
              + " only once "
              + edge.to()
              + " ("
              + edge.why()
              + ", "
              + edge.at().file()
              + ":"
              + (edge.at().range().start().line() + 1)
              + ")");
    }
    return String.join("; ", steps);
  }

  /** Every deadlock of a cluster's need graph, broken by seeds or not, one per anchor and type. */
  static List<Deadlock> find(Cluster cluster, NeedGraph graph) {
    List<Deadlock> result = new ArrayList<>();
    Set<Applied> anchors = new java.util.HashSet<>();
    for (Set<NeedGraph.Node> cycle : graph.blockedCycles(true)) {
      classify(cluster, graph, cycle, Optional.empty())
          .filter(d -> anchors.add(d.anchor()))
          .ifPresent(result::add);
    }
    // A cycle that only what a bootstrap step seeds breaks: the cluster starts, but only so.
    for (Set<NeedGraph.Node> cycle : graph.blockedCycles(false)) {
      Optional<Origin> seed = cycle.stream().map(graph::seed).flatMap(Optional::stream).findFirst();
      if (seed.isPresent()) {
        classify(cluster, graph, cycle, seed)
            .filter(d -> anchors.add(d.anchor()))
            .ifPresent(result::add);
      }
    }
    result.sort(
        Comparator.comparing((Deadlock d) -> d.anchor().file())
            .thenComparing(d -> d.anchor().meta().anchor().start()));
    return result;
  }

  private static Optional<Deadlock> classify(
      Cluster cluster, NeedGraph graph, Set<NeedGraph.Node> cycle, Optional<Origin> seed) {
    List<NeedGraph.Node> sorted =
        cycle.stream().sorted(Comparator.comparing(NeedGraph.Node::toString)).toList();
    // A build that needs what it makes itself: the fix is on the build's own reference.
    for (NeedGraph.Node node : sorted) {
      for (NeedGraph.Edge edge : graph.needs(node)) {
        if (!cycle.contains(edge.to())) {
          continue;
        }
        if (edge.cause() == NeedGraph.Cause.BUILD_INPUT) {
          Optional<Applied> kustomization = first(cluster, node.id());
          if (kustomization.isPresent()
              && kustomization.get().manifest() instanceof FluxKustomization) {
            return Optional.of(
                new Deadlock(Type.BUILD_INPUT, kustomization.get(), graph.walk(cycle, node), seed));
          }
        }
      }
    }
    for (NeedGraph.Node node : sorted) {
      if (node.kind() == NeedGraph.Kind.MADE) {
        for (NeedGraph.Edge edge : graph.needs(node)) {
          if (edge.to().kind() == NeedGraph.Kind.EXISTS) {
            Optional<Applied> external = first(cluster, edge.to().id());
            if (external.isPresent()) {
              return Optional.of(
                  new Deadlock(Type.SECRET, external.get(), graph.walk(cycle, node), seed));
            }
          }
        }
      }
    }
    if (dependsOnCycle(graph, cycle)) {
      // A dependsOn cycle inside keeps all of it waiting; dependency-cycle reports that.
      return Optional.empty();
    }
    for (NeedGraph.Node node : sorted) {
      for (NeedGraph.Edge edge : graph.needs(node)) {
        if (cycle.contains(edge.to()) && edge.cause() == NeedGraph.Cause.CRD) {
          Optional<Applied> resource = appliedAt(cluster, edge.at());
          if (resource.isPresent()) {
            return Optional.of(
                new Deadlock(Type.CRD, resource.get(), graph.walk(cycle, node), seed));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** True when the cycle's dependsOn and structural edges alone still close a cycle. */
  private static boolean dependsOnCycle(NeedGraph graph, Set<NeedGraph.Node> cycle) {
    java.util.Map<NeedGraph.Node, List<NeedGraph.Node>> plain = new java.util.LinkedHashMap<>();
    for (NeedGraph.Node node : cycle) {
      List<NeedGraph.Node> targets = new ArrayList<>();
      for (NeedGraph.Edge edge : graph.needs(node)) {
        if (cycle.contains(edge.to())
            && (edge.cause() == NeedGraph.Cause.DEPENDS_ON
                || edge.cause() == NeedGraph.Cause.STRUCTURE)) {
          targets.add(edge.to());
        }
      }
      plain.put(node, targets);
    }
    for (Set<NeedGraph.Node> component : Tarjan.components(plain)) {
      NeedGraph.Node first = component.iterator().next();
      if (component.size() > 1 || plain.get(first).contains(first)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Applied> first(Cluster cluster, ObjectId id) {
    return cluster.find(id).stream().findFirst();
  }

  private static Optional<Applied> appliedAt(Cluster cluster, Origin at) {
    for (Applied applied : cluster.inFile(at.file())) {
      if (applied.origin().equals(at)) {
        return Optional.of(applied);
      }
    }
    return Optional.empty();
  }

  /**
   * A Kustomization answers for its own fields (decryption, substituteFrom); other objects for
   * their owner's.
   */
  static Optional<ObjectId> kustomizationOf(Applied consumer) {
    return consumer.manifest() instanceof FluxKustomization
        ? Optional.of(consumer.id())
        : consumer.owner();
  }
}
