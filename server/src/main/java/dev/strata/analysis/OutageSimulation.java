package dev.strata.analysis;

import dev.strata.model.HelmRelease;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fresh cluster whose external secret provider is unreachable: no store is served, so no
 * ExternalSecret ever makes its Secret. Read off the cluster's need graph, with what bootstrap
 * steps seed. A Kustomization comes up when it becomes Ready and what it applies comes up too: its
 * HelmReleases become Ready, its workloads start, its claims bind. Flux calls a Kustomization
 * without {@code wait} Ready once applied even when its workloads wait for a Secret, so Ready alone
 * would hide what the outage stops. A Kustomization is blocked when one of these stays false in the
 * outage though it becomes true with the provider up, and deadlocked when it stays false even then
 * (the cycles {@code bootstrap-deadlock} and {@code custom-resource-before-crd} report). The
 * cluster cannot be rebuilt from Git when something never comes up or when a Secret that
 * infrastructure uses (store credentials, CSI and Ceph secrets, CA keys, database superusers,
 * backup keys) only comes from the provider: what {@code infrastructure-secret-in-external-secret}
 * reports.
 */
public final class OutageSimulation {
  /**
   * Why a Kustomization does not come up: the steps from it down to the cause, and the blocked
   * Kustomization the steps end at, if any.
   */
  public record Blocked(
      ObjectId kustomization,
      List<String> steps,
      Optional<ObjectId> because,
      boolean withProvider) {
    public String reason() {
      return String.join("; ", steps);
    }
  }

  /**
   * A Secret infrastructure needs (store credentials, CSI, CA keys, ...) that only the provider
   * makes.
   */
  public record InfrastructureNeed(SecretUse use, List<SecretSource> sources) {}

  private final Map<ObjectId, Blocked> blocked = new LinkedHashMap<>();
  private final List<ObjectId> ready = new ArrayList<>();
  private final List<InfrastructureNeed> infrastructure = new ArrayList<>();
  private final Layers layers;

  public OutageSimulation(Analysis analysis, Cluster cluster) {
    this.layers = analysis.layers(cluster);
    NeedGraph graph = analysis.needs(cluster);
    Set<NeedGraph.Node> up = graph.reached(true);
    Set<NeedGraph.Node> outage = graph.outage();
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      List<NeedGraph.Node> goals = goals(graph, cluster, kustomization);
      Optional<NeedGraph.Node> never = goals.stream().filter(g -> !up.contains(g)).findFirst();
      Optional<NeedGraph.Node> down = goals.stream().filter(g -> !outage.contains(g)).findFirst();
      if (never.isPresent()) {
        blocked.put(kustomization.id(), cause(graph, up, kustomization.id(), never.get(), true));
      } else if (down.isPresent()) {
        blocked.put(
            kustomization.id(), cause(graph, outage, kustomization.id(), down.get(), false));
      } else {
        ready.add(kustomization.id());
      }
    }
    ClusterFacts facts = analysis.facts(cluster);
    Set<NeedGraph.Node> seen = new HashSet<>();
    for (SecretUse use : facts.uses()) {
      NeedGraph.Node secret =
          new NeedGraph.Node(
              NeedGraph.Kind.EXISTS,
              new ObjectId("Secret", use.namespace().orElse(""), use.name()));
      if (use.role() == SecretUse.Role.INFRASTRUCTURE
          && graph.nodes().contains(secret)
          && up.contains(secret)
          && !outage.contains(secret)
          && seen.add(secret)) {
        infrastructure.add(new InfrastructureNeed(use, facts.sourcesOf(use)));
      }
    }
  }

  /** Ready, and what its own build applies comes up: the facts a user means by "it runs". */
  private static List<NeedGraph.Node> goals(
      NeedGraph graph, Cluster cluster, AppliedKustomization kustomization) {
    List<NeedGraph.Node> goals = new ArrayList<>();
    goals.add(new NeedGraph.Node(NeedGraph.Kind.READY, kustomization.id()));
    for (Applied object : cluster.appliedBy(kustomization.id())) {
      NeedGraph.Kind kind =
          object.manifest() instanceof HelmRelease
              ? NeedGraph.Kind.READY
              : object.id().kind().equals("PersistentVolumeClaim")
                  ? NeedGraph.Kind.BOUND
                  : NeedGraph.Kind.STARTED;
      NeedGraph.Node goal = new NeedGraph.Node(kind, object.id());
      if (graph.nodes().contains(goal)) {
        goals.add(goal);
      }
    }
    return goals;
  }

  /**
   * The steps down the blocked needs from a goal: to the next Kustomization that does not come up,
   * to the store the outage stops, or round a cycle back to where it started.
   */
  private static Blocked cause(
      NeedGraph graph,
      Set<NeedGraph.Node> reached,
      ObjectId kustomization,
      NeedGraph.Node goal,
      boolean withProvider) {
    NeedGraph.Node current = goal;
    List<String> steps = new ArrayList<>();
    if (!goal.id().equals(kustomization)) {
      steps.add(
          "it applies "
              + goal.id().kind()
              + " "
              + goal.id().qualifiedName()
              + ", which never "
              + verb(goal));
    }
    Set<NeedGraph.Node> seen = new HashSet<>();
    while (seen.add(current)) {
      Optional<NeedGraph.Edge> next = graph.blockedNeed(current, reached);
      if (next.isEmpty()) {
        break;
      }
      NeedGraph.Edge edge = next.get();
      NeedGraph.Node to = edge.to();
      if (!(edge.cause() == NeedGraph.Cause.STRUCTURE && edge.from().id().equals(to.id()))) {
        steps.add(edge.from() + " only once " + to + " (" + edge.why() + ")");
      }
      if (to.kind() == NeedGraph.Kind.SERVES && !withProvider) {
        steps.add("the outage stops that");
        return new Blocked(kustomization, steps, Optional.empty(), false);
      }
      if ((to.kind() == NeedGraph.Kind.READY || to.kind() == NeedGraph.Kind.APPLIED)
          && to.id().kind().equals("Kustomization")
          && !to.id().equals(kustomization)) {
        return new Blocked(kustomization, steps, Optional.of(to.id()), withProvider);
      }
      current = to;
    }
    if (withProvider) {
      steps.add("which waits on itself: it never comes up, even with the provider up");
    }
    return new Blocked(kustomization, steps, Optional.empty(), withProvider);
  }

  private static String verb(NeedGraph.Node goal) {
    return switch (goal.kind()) {
      case READY -> "becomes Ready";
      case BOUND -> "binds";
      default -> "starts";
    };
  }

  public Map<ObjectId, Blocked> blocked() {
    return blocked;
  }

  public List<ObjectId> ready() {
    return ready;
  }

  /**
   * The Kustomizations from this one down to the root cause, each with its steps: the first is this
   * one, each next is the blocked Kustomization the previous waits for.
   */
  public List<Blocked> chain(ObjectId id) {
    List<Blocked> chain = new ArrayList<>();
    Blocked current = blocked.get(id);
    Set<ObjectId> seen = new HashSet<>();
    while (current != null && seen.add(current.kustomization())) {
      chain.add(current);
      current = current.because().map(blocked::get).orElse(null);
    }
    return chain;
  }

  /** The Secrets infrastructure needs that, with the provider down, nothing makes. */
  public List<InfrastructureNeed> infrastructure() {
    return infrastructure;
  }

  /** True when a Kustomization never comes up, even with the provider: a cycle keeps it. */
  public boolean deadlocked() {
    return blocked.values().stream().anyMatch(Blocked::withProvider);
  }

  /**
   * True when the cluster cannot be rebuilt from Git while the provider is down: something never
   * comes up at all, or infrastructure waits for a Secret only the provider makes. Applications
   * that wait for their own secrets are the layered strategy working as meant.
   */
  public boolean bootstrapBlocked() {
    return deadlocked() || !infrastructure.isEmpty();
  }

  public Layer layer(ObjectId id) {
    return layers.of(id);
  }
}
