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

  private final Analysis analysis;
  private final Cluster cluster;
  private final NeedGraph graph;
  private final Set<NeedGraph.Node> up;
  private final Layers layers;
  // Judged on the first question that needs them: a hover asks about one Kustomization, and judging
  // every Kustomization of a 20,000-file cluster took a fifth of a second.
  // Each Kustomization asked about: its Blocked, or READY when it comes up.
  private final Map<ObjectId, Blocked> judged = new java.util.HashMap<>();
  private Map<ObjectId, Blocked> blocked;
  private List<ObjectId> ready;
  private List<InfrastructureNeed> infrastructure;

  private static final Blocked READY =
      new Blocked(new ObjectId("", "", ""), List.of(), Optional.empty(), false);

  public OutageSimulation(Analysis analysis, Cluster cluster) {
    this.analysis = analysis;
    this.cluster = cluster;
    this.layers = analysis.layers(cluster);
    this.graph = analysis.needs(cluster);
    this.up = graph.reached(true);
  }

  /** Whether one Kustomization comes up in the outage, and why not: {@link #READY} when it does. */
  private synchronized Blocked judge(ObjectId id) {
    Blocked known = judged.get(id);
    if (known != null) {
      return known;
    }
    Blocked result = READY;
    Optional<AppliedKustomization> kustomization = cluster.kustomization(id);
    if (kustomization.isPresent()) {
      List<NeedGraph.Node> goals = goals(graph, cluster, kustomization.get());
      Optional<NeedGraph.Node> never = goals.stream().filter(g -> !up.contains(g)).findFirst();
      if (never.isPresent()) {
        result = cause(graph, up, id, never.get(), true);
      } else {
        Set<NeedGraph.Node> reached = graph.outage();
        Optional<NeedGraph.Node> down =
            goals.stream().filter(g -> !reached.contains(g)).findFirst();
        if (down.isPresent()) {
          result = cause(graph, reached, id, down.get(), false);
        }
      }
    }
    judged.put(id, result);
    return result;
  }

  /** Judges every Kustomization of the cluster, for the questions about all of them. */
  private synchronized void judgeAll() {
    if (blocked != null) {
      return;
    }
    Map<ObjectId, Blocked> all = new LinkedHashMap<>();
    List<ObjectId> comesUp = new ArrayList<>();
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      Blocked verdict = judge(kustomization.id());
      if (verdict == READY) {
        comesUp.add(kustomization.id());
      } else {
        all.put(kustomization.id(), verdict);
      }
    }
    ClusterFacts facts = analysis.facts(cluster);
    Set<NeedGraph.Node> seen = new HashSet<>();
    List<InfrastructureNeed> needs = new ArrayList<>();
    for (SecretUse use : facts.uses()) {
      NeedGraph.Node secret =
          new NeedGraph.Node(
              NeedGraph.Kind.EXISTS,
              new ObjectId("Secret", use.namespace().orElse(""), use.name()));
      if (use.role() == SecretUse.Role.INFRASTRUCTURE
          && graph.nodes().contains(secret)
          && up.contains(secret)
          && !graph.outage().contains(secret)
          && seen.add(secret)) {
        needs.add(new InfrastructureNeed(use, facts.sourcesOf(use)));
      }
    }
    this.ready = List.copyOf(comesUp);
    this.infrastructure = List.copyOf(needs);
    this.blocked = java.util.Collections.unmodifiableMap(all);
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
    judgeAll();
    return blocked;
  }

  public List<ObjectId> ready() {
    judgeAll();
    return ready;
  }

  /**
   * The Kustomizations from this one down to the root cause, each with its steps: the first is this
   * one, each next is the blocked Kustomization the previous waits for. Judges only those.
   */
  public List<Blocked> chain(ObjectId id) {
    List<Blocked> chain = new ArrayList<>();
    Blocked current = judge(id);
    Set<ObjectId> seen = new HashSet<>();
    while (current != READY && seen.add(current.kustomization())) {
      chain.add(current);
      current = current.because().map(this::judge).orElse(READY);
    }
    return chain;
  }

  /** The Secrets infrastructure needs that, with the provider down, nothing makes. */
  public List<InfrastructureNeed> infrastructure() {
    judgeAll();
    return infrastructure;
  }

  /** True when a Kustomization never comes up, even with the provider: a cycle keeps it. */
  public boolean deadlocked() {
    return blocked().values().stream().anyMatch(Blocked::withProvider);
  }

  /**
   * True when the cluster cannot be rebuilt from Git while the provider is down: something never
   * comes up at all, or infrastructure waits for a Secret only the provider makes. Applications
   * that wait for their own secrets are the layered strategy working as meant.
   */
  public boolean bootstrapBlocked() {
    return deadlocked() || !infrastructure().isEmpty();
  }

  public Layer layer(ObjectId id) {
    return layers.of(id);
  }
}
