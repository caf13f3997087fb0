package dev.strata.analysis;

import dev.strata.model.StrataConfig;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layer of every Kustomization of a cluster. The bootstrap set starts from the External Secrets
 * operator, the stores other Kustomizations read through, the Connect server and the root, and
 * grows through everything they depend on, explicitly ({@code dependsOn}) or through what they use
 * (StorageClasses, CRDs, issuers, Secrets). Each member keeps the step that brought it in, so
 * messages can say why it is bootstrap.
 */
public final class Layers {
  /**
   * Why a Kustomization is in the bootstrap set: a seed reason, or the member it serves and how.
   */
  public record Reason(ObjectId member, Optional<ObjectId> via, String text) {}

  private final Map<ObjectId, Layer> layers = new LinkedHashMap<>();
  private final Map<ObjectId, Reason> reasons = new HashMap<>();
  private final java.util.Set<ObjectId> functional = new java.util.HashSet<>();

  Layers(
      Cluster cluster,
      DependencyGraph graph,
      ClusterFacts facts,
      NeedGraph needs,
      StrataConfig config) {
    Deque<ObjectId> queue = new ArrayDeque<>();
    facts
        .operators()
        .forEach(id -> seed(id, "installs the External Secrets operator", true, queue));
    facts
        .stores()
        .forEach(
            (store, provider) -> {
              if (!servedByAnotherStore(facts, store) && facts.shared(store)) {
                seed(provider, "applies " + store.kind() + " " + store.name(), true, queue);
              }
            });
    facts
        .connectServers()
        .forEach(id -> seed(id, "runs the 1Password Connect server", true, queue));
    cluster
        .rootIds()
        .forEach(root -> seed(root, "is the cluster's root Kustomization", false, queue));
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      if (kustomization.applied().owner().filter(cluster.rootIds()::contains).isPresent()
          && appliesKustomizations(cluster, kustomization.id())) {
        seed(kustomization.id(), "is applied by the cluster's root", false, queue);
      }
    }
    while (!queue.isEmpty()) {
      ObjectId member = queue.poll();
      boolean works = functional.contains(member);
      for (Dependency dependency : graph.dependencies(member)) {
        if (graph.contains(dependency.target())) {
          join(dependency.target(), member, "depends on", works, queue);
        }
      }
      for (Need need : needs.crossings(member)) {
        boolean ownField = need.consumer().id().equals(member);
        if (!need.provider().equals(member)
            && !need.what().startsWith("the External Secrets operator")
            && (works || ownField)) {
          join(need.provider(), member, "uses " + need.what() + " from", works, queue);
        }
      }
    }
    List<PathMatcher> paths = new ArrayList<>();
    for (String glob : config.infrastructurePaths()) {
      paths.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      ObjectId id = kustomization.id();
      if (layers.containsKey(id)) {
        continue;
      }
      boolean configured =
          config.infrastructureNamespaces().contains(id.namespace())
              || paths.stream()
                  .anyMatch(
                      m ->
                          m.matches(Path.of(kustomization.applied().file()))
                              || kustomization
                                  .path()
                                  .map(p -> m.matches(Path.of(p)))
                                  .orElse(false));
      layers.put(
          id,
          configured || facts.infrastructure(id).isPresent()
              ? Layer.INFRASTRUCTURE
              : Layer.APPLICATION);
    }
  }

  /**
   * A store whose every credential an ExternalSecret reads through another store comes up after
   * that store; it is not needed for External Secrets to serve at all.
   */
  private static boolean servedByAnotherStore(ClusterFacts facts, ObjectId store) {
    List<SecretUse> credentials =
        facts.uses().stream()
            .filter(
                u -> u.consumer().id().equals(store) && u.role() == SecretUse.Role.INFRASTRUCTURE)
            .toList();
    return !credentials.isEmpty()
        && credentials.stream()
            .allMatch(
                use -> {
                  List<SecretSource> sources = facts.sourcesOf(use);
                  return !sources.isEmpty()
                      && sources.stream()
                          .allMatch(
                              source ->
                                  source.mechanism() == SecretSource.Mechanism.EXTERNAL_SECRET
                                      && source.store().isPresent()
                                      && !source.store().get().equals(store.name()));
                });
  }

  /**
   * The root's children that build the rest of the cluster (a {@code cluster-apps} applying every
   * {@code ks.yaml}) are bootstrap; a flat layout's leaf Kustomizations applied by the root are
   * not.
   */
  private static boolean appliesKustomizations(Cluster cluster, ObjectId id) {
    return cluster.appliedBy(id).stream()
        .anyMatch(a -> a.manifest() instanceof dev.strata.model.FluxKustomization);
  }

  /**
   * Seeds that External Secrets needs working ({@code works}) count with everything they apply; the
   * root and what it applies directly only need to build, so only their own fields count.
   */
  private void seed(ObjectId id, String why, boolean works, Deque<ObjectId> queue) {
    if (!layers.containsKey(id)) {
      layers.put(id, Layer.BOOTSTRAP);
      reasons.put(id, new Reason(id, Optional.empty(), why));
      if (works) {
        functional.add(id);
      }
      queue.add(id);
    }
  }

  private void join(
      ObjectId id, ObjectId member, String how, boolean works, Deque<ObjectId> queue) {
    boolean known = layers.containsKey(id);
    if (!known || works && !functional.contains(id)) {
      layers.put(id, Layer.BOOTSTRAP);
      if (!known || works) {
        reasons.put(id, new Reason(id, Optional.of(member), how));
      }
      if (works) {
        functional.add(id);
      }
      queue.add(id);
    }
  }

  /** The layer of a Kustomization, or of the Kustomization that applies an object. */
  public Layer of(ObjectId id) {
    return layers.getOrDefault(id, Layer.APPLICATION);
  }

  public Layer of(Applied applied) {
    if (layers.containsKey(applied.id())) {
      return layers.get(applied.id());
    }
    return applied.owner().map(this::of).orElse(Layer.BOOTSTRAP);
  }

  public boolean bootstrap(ObjectId id) {
    return of(id) == Layer.BOOTSTRAP;
  }

  /**
   * True when External Secrets needs this bootstrap Kustomization to work, not only to build: then
   * every Secret its objects use matters; otherwise only the Secrets of its own fields (decryption,
   * substituteFrom).
   */
  public boolean functional(ObjectId id) {
    return functional.contains(id);
  }

  /**
   * Why a Kustomization must be Ready before External Secrets can serve, as a sentence from a seed
   * down to it: "Kustomization a/eso depends on b/ceph".
   */
  public Optional<String> explain(ObjectId id) {
    Reason reason = reasons.get(id);
    if (reason == null) {
      return Optional.empty();
    }
    List<String> steps = new ArrayList<>();
    ObjectId current = id;
    int guard = 0;
    while (reason != null && reason.via().isPresent() && guard++ < 64) {
      steps.add(
          0,
          reason.via().get().qualifiedName() + " " + reason.text() + " " + current.qualifiedName());
      current = reason.via().get();
      reason = reasons.get(current);
    }
    String seed =
        "Kustomization " + current.qualifiedName() + " " + (reason == null ? "" : reason.text());
    if (steps.isEmpty()) {
      return Optional.of(seed);
    }
    return Optional.of(seed + ", and " + String.join(", ", steps));
  }

  /** The chain of Kustomizations from a seed to this one, for related locations. */
  public List<ObjectId> chain(ObjectId id) {
    List<ObjectId> chain = new ArrayList<>();
    ObjectId current = id;
    int guard = 0;
    while (current != null && guard++ < 64) {
      chain.add(0, current);
      Reason reason = reasons.get(current);
      current = reason == null ? null : reason.via().orElse(null);
    }
    return chain;
  }
}
