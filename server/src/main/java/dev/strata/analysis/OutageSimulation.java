package dev.strata.analysis;

import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh cluster whose external secret provider is unreachable: no ExternalSecret ever produces
 * its Secret. A Kustomization is blocked when something it applies (or one of its own fields) uses
 * a Secret that only ExternalSecrets produce, when it depends on a blocked Kustomization, or when
 * it uses what a blocked one provides. Everything else becomes Ready from Git alone.
 */
public final class OutageSimulation {
  /** Why a Kustomization is blocked: its own cause, or the blocked Kustomization it waits for. */
  public record Blocked(ObjectId kustomization, String reason, Optional<ObjectId> because) {}

  private final Map<ObjectId, Blocked> blocked = new LinkedHashMap<>();
  private final List<ObjectId> ready = new ArrayList<>();
  private final Layers layers;

  public OutageSimulation(Analysis analysis, Cluster cluster) {
    ClusterFacts facts = analysis.facts(cluster);
    DependencyGraph graph = analysis.graph(cluster);
    this.layers = analysis.layers(cluster);
    Deque<ObjectId> queue = new ArrayDeque<>();
    for (SecretUse use : facts.uses()) {
      if (use.role() == SecretUse.Role.ADVISORY) {
        continue;
      }
      List<SecretSource> sources = facts.sourcesOf(use);
      boolean onlyExternal =
          !sources.isEmpty()
              && sources.stream()
                  .allMatch(s -> s.mechanism() == SecretSource.Mechanism.EXTERNAL_SECRET);
      Optional<ObjectId> kustomization = Deadlock.kustomizationOf(use.consumer());
      if (onlyExternal && kustomization.isPresent() && graph.contains(kustomization.get())) {
        SecretSource source = sources.get(0);
        block(
            new Blocked(
                kustomization.get(),
                use.describe()
                    + " needs Secret "
                    + source.qualifiedName()
                    + ", which only ExternalSecret "
                    + source.source().id().qualifiedName()
                    + " produces",
                Optional.empty()),
            queue);
      }
    }
    while (!queue.isEmpty()) {
      ObjectId cause = queue.poll();
      for (Dependency dependent : graph.dependents(cause)) {
        block(
            new Blocked(
                dependent.from(), "depends on " + cause.qualifiedName(), Optional.of(cause)),
            queue);
      }
      facts
          .needs()
          .forEach(
              (consumer, needs) -> {
                for (Need need : needs) {
                  if (need.provider().equals(cause)
                      && !consumer.equals(cause)
                      && graph.contains(consumer)) {
                    block(
                        new Blocked(
                            consumer,
                            "uses " + need.what() + " from " + cause.qualifiedName(),
                            Optional.of(cause)),
                        queue);
                  }
                }
              });
    }
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      if (!blocked.containsKey(kustomization.id())) {
        ready.add(kustomization.id());
      }
    }
  }

  private void block(Blocked entry, Deque<ObjectId> queue) {
    if (!blocked.containsKey(entry.kustomization())) {
      blocked.put(entry.kustomization(), entry);
      queue.add(entry.kustomization());
    }
  }

  public Map<ObjectId, Blocked> blocked() {
    return blocked;
  }

  public List<ObjectId> ready() {
    return ready;
  }

  /** The reasons from this Kustomization down to the root cause, one sentence each. */
  public List<String> chain(ObjectId id) {
    List<String> chain = new ArrayList<>();
    Blocked current = blocked.get(id);
    int guard = 0;
    while (current != null && guard++ < 64) {
      chain.add(current.kustomization().qualifiedName() + " " + current.reason());
      current = current.because().map(blocked::get).orElse(null);
    }
    return chain;
  }

  /**
   * True when a Kustomization of the bootstrap layer stays blocked: the cluster cannot be rebuilt
   * from Git.
   */
  public boolean bootstrapBlocked() {
    return blocked.keySet().stream().anyMatch(layers::bootstrap);
  }

  public Layer layer(ObjectId id) {
    return layers.of(id);
  }
}
