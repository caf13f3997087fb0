package dev.strata.analysis;

import dev.strata.model.ExternalSecret;
import dev.strata.model.Fields;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.ObjectReference;
import dev.strata.model.SecretStore;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Carried;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Seeds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What must be true before what, in one cluster, from the controllers' own rules: an edge says
 * "cannot become true until". A Kustomization's build is applied once it exists, its {@code
 * dependsOn} are Ready, its decryption Secret and non-optional {@code substituteFrom} objects exist
 * and the CRDs of its custom resources exist (kustomize-controller applies a build in one
 * server-side apply whose dry-run fails as a whole on a missing kind: fluxcd/pkg {@code
 * ssa/manager_apply.go} {@code ApplyAllStaged}). It is Ready once applied, and, only with {@code
 * wait} or {@code healthChecks}, once what it waits for is healthy. A HelmRelease is installed once
 * it exists, its chart source, {@code dependsOn} and non-optional {@code valuesFrom} are there; it
 * is Ready once installed and, when Helm waits (the default), once the Secrets and claims its
 * values name exist. An ExternalSecret's Secret exists once External Secrets serves its store: the
 * operator is Ready, the store applied, the store's credentials exist, and for 1Password Connect
 * the Connect server is Ready. A Secret, claim or CRD group with several producers exists once any
 * of them does; one that nothing in the cluster produces is taken to exist (made outside Git), and
 * so is what a bootstrap step seeds ({@link Seeds}).
 */
public final class NeedGraph {
  /** What a node says becomes true. */
  public enum Kind {
    APPLIED("is applied"),
    READY("is Ready"),
    INSTALLED("is installed"),
    EXISTS("exists"),
    MADE("is made"),
    BOUND("is bound"),
    SERVES("is served by External Secrets"),
    OPERATOR("runs"),
    STARTED("starts"),
    CRDS("are installed");

    private final String verb;

    Kind(String verb) {
      this.verb = verb;
    }
  }

  /** A fact about one object: "Kustomization a/b is applied", "Secret c/d exists". */
  public record Node(Kind kind, ObjectId id) {
    @Override
    public String toString() {
      String subject =
          switch (kind) {
            case OPERATOR -> "the External Secrets operator";
            case CRDS -> "the CRDs of " + id.name();
            case SERVES -> id.kind() + " " + id.qualifiedName();
            case MADE -> "Secret " + id.qualifiedName() + " from its ExternalSecret";
            default -> id.kind() + " " + id.qualifiedName();
          };
      return subject + " " + kind.verb;
    }
  }

  /**
   * Why one fact waits for another, and the text that says so, made when it is read: a graph of a
   * 20,000-file repository has some 10^5 edges, and only those a finding or a hover shows are ever
   * read (building each sentence up front was a tenth of the graph's allocation and of its heap).
   */
  public record Edge(Node from, Node to, Cause cause, Supplier<String> reason, Origin at) {
    public Edge(Node from, Node to, Cause cause, String why, Origin at) {
      this(from, to, cause, () -> why, at);
    }

    /** The sentence: "dependsOn flux-system/ceph", "it mounts PersistentVolumeClaim a/data". */
    public String why() {
      return reason.get();
    }
  }

  /** The kind of rule an edge comes from, for telling deadlocks from dependency cycles. */
  public enum Cause {
    DEPENDS_ON,
    BUILD_INPUT,
    CRD,
    SECRET,
    STRUCTURE
  }

  static final Node OPERATOR =
      new Node(Kind.OPERATOR, new ObjectId("Operator", "", "external-secrets"));

  /** The kind of the carried claims of an object ({@code Builder.claims}). */
  private static final Object CLAIMS = new Object();

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet");

  private final Cluster cluster;
  private final Map<Node, List<Edge>> needs = new LinkedHashMap<>();
  private final Set<Node> anyOf = new HashSet<>();
  private final Map<Node, Origin> seeds = new LinkedHashMap<>();
  private final Set<Node> providerSeeds = new HashSet<>();
  private final Set<Node> achievable;
  private final Set<Node> unseeded;
  private final Set<Node> outage;
  private final List<Set<Node>> blockedWithSeeds;
  private final List<Set<Node>> blockedFromGit;
  private final Map<ObjectId, List<Need>> crossings = new LinkedHashMap<>();

  NeedGraph(Cluster cluster, ClusterFacts facts, Seeds outOfBand, Carried carried) {
    this.cluster = cluster;
    new Builder(facts, outOfBand, carried).build();
    Propagation propagation = new Propagation(this);
    this.achievable = propagation.run(seeds::containsKey, n -> false);
    this.unseeded = propagation.run(n -> false, n -> false);
    this.outage =
        propagation.run(
            n -> seeds.containsKey(n) && !providerSeeds.contains(n), n -> n.kind() == Kind.SERVES);
    // Every analysis asks for both (the deadlocks of every cluster are computed ahead), and the
    // numbered graph finds them in a tenth of the time the maps took; it is not kept after this.
    this.blockedWithSeeds = propagation.blockedCycles(achievable);
    this.blockedFromGit = propagation.blockedCycles(unseeded);
    findCrossings();
  }

  /**
   * The needs of each Kustomization's build and objects that another Kustomization meets: an edge
   * from a fact about the one's objects to a fact only the other's objects make true. A fact with
   * several producers gives one need per producing Kustomization; {@code missing-dependency} and
   * the layers read them.
   */
  public Map<ObjectId, List<Need>> crossings() {
    return crossings;
  }

  public List<Need> crossings(ObjectId kustomization) {
    return crossings.getOrDefault(kustomization, List.of());
  }

  private void findCrossings() {
    for (Map.Entry<Node, List<Edge>> entry : needs.entrySet()) {
      Node node = entry.getKey();
      if (node.kind() == Kind.EXISTS || node.kind() == Kind.OPERATOR || node.kind() == Kind.CRDS) {
        continue;
      }
      Optional<Applied> subject = subject(node);
      if (subject.isEmpty()) {
        continue;
      }
      for (Edge edge : entry.getValue()) {
        if (edge.cause() == Cause.DEPENDS_ON
            || edge.to().id().equals(node.id())
            || node.kind() == Kind.BOUND && edge.cause() == Cause.SECRET
            || node.kind() == Kind.MADE && edge.to().kind() == Kind.EXISTS) {
          continue;
        }
        Applied consumer = consumer(node, edge, subject.get());
        Optional<ObjectId> kustomization = Deadlock.kustomizationOf(consumer);
        if (kustomization.isEmpty() || cluster.kustomization(kustomization.get()).isEmpty()) {
          continue;
        }
        Set<ObjectId> providers = providers(edge.to(), 0);
        ObjectId own = kustomization.get();
        // What a Kustomization waits for among its own objects (wait, healthChecks) is no need.
        if (providers.contains(own)
            || cluster.find(edge.to().id()).stream()
                .anyMatch(a -> a.owner().filter(own::equals).isPresent())) {
          continue;
        }
        for (ObjectId provider : providers) {
          crossings
              .computeIfAbsent(own, k -> new ArrayList<>())
              .add(new Need(consumer, edge.at(), provider, what(edge.to())));
        }
      }
    }
  }

  /** The object a fact is about: the ExternalSecret of a made Secret, the object itself else. */
  private Optional<Applied> subject(Node node) {
    if (node.kind() == Kind.MADE) {
      for (Edge edge : needs(node)) {
        if (edge.to().kind() == Kind.EXISTS) {
          return cluster.find(edge.to().id()).stream().findFirst();
        }
      }
      return Optional.empty();
    }
    return cluster.find(node.id()).stream().findFirst();
  }

  /** A build's need for CRDs belongs to the custom resource that has it. */
  private Applied consumer(Node node, Edge edge, Applied subject) {
    if (node.kind() == Kind.APPLIED && edge.cause() == Cause.CRD) {
      for (Applied applied : cluster.inFile(edge.at().file())) {
        if (applied.origin().equals(edge.at())) {
          return applied;
        }
      }
    }
    return subject;
  }

  /** The Kustomizations whose objects make a fact true: any one of them is enough. */
  private Set<ObjectId> providers(Node node, int depth) {
    Set<ObjectId> result = new LinkedHashSet<>();
    if (depth > 4) {
      return result;
    }
    if (node.id().kind().equals("Kustomization")
        && (node.kind() == Kind.APPLIED || node.kind() == Kind.READY)) {
      result.add(node.id());
      return result;
    }
    boolean follow =
        anyOf.contains(node)
            || node.kind() == Kind.OPERATOR
            || node.kind() == Kind.CRDS
            || node.kind() == Kind.MADE;
    if (follow) {
      for (Edge edge : needs(node)) {
        if (node.kind() != Kind.MADE || edge.to().kind() == Kind.EXISTS) {
          result.addAll(providers(edge.to(), depth + 1));
        }
      }
      return result;
    }
    for (Applied applied : cluster.find(node.id())) {
      applied
          .owner()
          .filter(owner -> cluster.kustomization(owner).isPresent())
          .ifPresent(result::add);
    }
    return result;
  }

  private static String what(Node node) {
    return switch (node.kind()) {
      case CRDS -> "the CRDs of " + node.id().name();
      case OPERATOR -> "the External Secrets operator";
      case MADE -> "Secret " + node.id().qualifiedName();
      default ->
          node.id().kind()
              + " "
              + (node.id().namespace().isEmpty() ? node.id().name() : node.id().qualifiedName());
    };
  }

  public Cluster cluster() {
    return cluster;
  }

  public List<Edge> needs(Node node) {
    return needs.getOrDefault(node, List.of());
  }

  public Set<Node> nodes() {
    return needs.keySet();
  }

  /** True when the fact becomes true on a fresh cluster, with what bootstrap steps seed. */
  public boolean achievable(Node node) {
    return achievable.contains(node) || !needs.containsKey(node);
  }

  /** True when the fact becomes true from Git alone, without what bootstrap steps seed. */
  public boolean achievableFromGit(Node node) {
    return unseeded.contains(node) || !needs.containsKey(node) && !seeds.containsKey(node);
  }

  public Optional<Origin> seed(Node node) {
    return Optional.ofNullable(seeds.get(node));
  }

  /**
   * What becomes true on a fresh cluster, by propagation from the facts that need nothing: an
   * all-of fact once all its needs are true, an any-of fact once one is. Computed once, with or
   * without what bootstrap steps seed.
   */
  public Set<Node> reached(boolean withSeeds) {
    return withSeeds ? achievable : unseeded;
  }

  /**
   * What becomes true on a fresh cluster with the secret provider down: no store is served, and no
   * bootstrap step that reads from the provider runs. {@code SERVES} facts never become true.
   */
  public Set<Node> outage() {
    return outage;
  }

  /**
   * The need graph numbered once, so that each propagation is a pass over arrays rather than over
   * hash maps of records (the graph of a 20,000-file repository has some 10^5 facts).
   */
  static final class Propagation {
    private final Map<Node, Integer> index;
    private final Node[] nodes;
    private final boolean[] anyOf;
    private final int[][] targets;
    private final int[][] waiters;
    // The facts numbered below this are the graph's keys, in its order; the rest only targets.
    private final int keys;

    Propagation(NeedGraph graph) {
      this(graph.needs, graph.anyOf);
    }

    Propagation(Map<Node, List<Edge>> needs, Set<Node> anyOfFacts) {
      index = new HashMap<>(needs.size() * 2);
      List<Node> all = new ArrayList<>(needs.keySet());
      for (int i = 0; i < all.size(); i++) {
        index.put(all.get(i), i);
      }
      int keys = all.size();
      int[][] keyTargets = new int[keys][];
      // Each key's distinct targets in the order of its edges: lastSeenBy[t] is the key that took
      // target t last, so that no set of boxed numbers is made per key (10^5 keys at 20,000 files).
      int[] lastSeenBy = new int[Math.max(16, keys * 2)];
      int[] buffer = new int[16];
      int from = 0;
      for (List<Edge> edges : needs.values()) {
        int count = 0;
        for (Edge edge : edges) {
          Integer known = index.get(edge.to());
          int target = known != null ? known : all.size();
          if (known == null) {
            all.add(edge.to());
            index.put(edge.to(), target);
          }
          if (target >= lastSeenBy.length) {
            lastSeenBy = Arrays.copyOf(lastSeenBy, Math.max(target + 1, lastSeenBy.length * 2));
          }
          if (lastSeenBy[target] != from + 1) {
            lastSeenBy[target] = from + 1;
            if (count == buffer.length) {
              buffer = Arrays.copyOf(buffer, count * 2);
            }
            buffer[count++] = target;
          }
        }
        keyTargets[from++] = Arrays.copyOf(buffer, count);
      }
      int n = all.size();
      this.keys = keys;
      nodes = all.toArray(new Node[0]);
      anyOf = new boolean[n];
      targets = new int[n][];
      int[] waiting = new int[n];
      for (int i = 0; i < n; i++) {
        anyOf[i] = anyOfFacts.contains(nodes[i]);
        targets[i] = i < keys ? keyTargets[i] : new int[0];
        for (int t : targets[i]) {
          waiting[t]++;
        }
      }
      waiters = new int[n][];
      for (int i = 0; i < n; i++) {
        waiters[i] = new int[waiting[i]];
        waiting[i] = 0;
      }
      for (int i = 0; i < n; i++) {
        for (int t : targets[i]) {
          waiters[t][waiting[t]++] = i;
        }
      }
    }

    /**
     * A fact with no needs of its own that a waiting fact names is true unless it is down; a seeded
     * fact is true whatever it needs; a down fact never is.
     */
    Set<Node> run(Predicate<Node> seeded, Predicate<Node> down) {
      int n = nodes.length;
      int[] remaining = new int[n];
      boolean[] queued = new boolean[n];
      boolean[] done = new boolean[n];
      int[] stack = new int[n];
      int top = 0;
      Arrays.fill(remaining, -1);
      for (int i = 0; i < keys; i++) {
        if (down.test(nodes[i])) {
          continue;
        }
        if (seeded.test(nodes[i])) {
          if (!queued[i]) {
            queued[i] = true;
            stack[top++] = i;
          }
          continue;
        }
        int count = anyOf[i] ? Math.min(1, targets[i].length) : targets[i].length;
        remaining[i] = count;
        if (count == 0 && !queued[i]) {
          queued[i] = true;
          stack[top++] = i;
        }
        for (int t : targets[i]) {
          if (t >= keys && !queued[t] && !down.test(nodes[t])) {
            queued[t] = true;
            stack[top++] = t;
          }
        }
      }
      while (top > 0) {
        int node = stack[--top];
        done[node] = true;
        for (int waiter : waiters[node]) {
          if (remaining[waiter] <= 0 || queued[waiter]) {
            continue;
          }
          if (--remaining[waiter] == 0) {
            queued[waiter] = true;
            stack[top++] = waiter;
          }
        }
      }
      BitSet result = new BitSet(n);
      for (int i = 0; i < n; i++) {
        if (done[i]) {
          result.set(i);
        }
      }
      return new Reached(index, nodes, result);
    }

    /**
     * The blocked cycles for a set {@link #run} returned: the strongly connected groups of the keys
     * it did not reach, over their needs that it did not reach either, with more than one member or
     * a need on itself. {@link Tarjan} over the numbering itself, which visits keys and targets in
     * the order it would over the maps of needs (PropagationTest keeps that as the reference; a
     * repeated edge changes no low link), so that groups and their members come out in the same
     * order.
     */
    List<Set<Node>> blockedCycles(Set<Node> reachedSet) {
      BitSet reached = ((Reached) reachedSet).bits;
      List<Set<Node>> result = new ArrayList<>();
      for (int[] group : Tarjan.components(keys, targets, reached::get)) {
        if (group.length > 1 || needsItself(group[0], reached)) {
          Set<Node> component = new LinkedHashSet<>();
          for (int member : group) {
            component.add(nodes[member]);
          }
          result.add(component);
        }
      }
      return result;
    }

    private boolean needsItself(int vertex, BitSet reached) {
      for (int target : targets[vertex]) {
        if (target == vertex) {
          return !reached.get(vertex);
        }
      }
      return false;
    }
  }

  /**
   * Facts a propagation reached, as bits over its numbering: the three sets a graph keeps (with
   * seeds, without, in the outage) share one index of the facts, where sets of 10^5 facts each held
   * several megabytes at 20,000 files and took a tenth of the graph's time to fill. Immutable.
   */
  private static final class Reached extends java.util.AbstractSet<Node> {
    private final Map<Node, Integer> index;
    private final Node[] nodes;
    private final BitSet bits;
    private final int size;

    Reached(Map<Node, Integer> index, Node[] nodes, BitSet bits) {
      this.index = index;
      this.nodes = nodes;
      this.bits = bits;
      this.size = bits.cardinality();
    }

    @Override
    public boolean contains(Object o) {
      Integer at = o instanceof Node ? index.get(o) : null;
      return at != null && bits.get(at);
    }

    @Override
    public java.util.Iterator<Node> iterator() {
      return bits.stream().mapToObj(i -> nodes[i]).iterator();
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * The facts that never become true and wait on each other, with or without what bootstrap steps
   * seed ({@link #reached}): each strongly connected group of such facts, with more than one member
   * or a need on itself, once.
   */
  public List<Set<Node>> blockedCycles(boolean withSeeds) {
    return withSeeds ? blockedWithSeeds : blockedFromGit;
  }

  /** A closed walk inside a cycle, from {@code start} back to it, edge by edge. */
  public List<Edge> walk(Set<Node> cycle, Node start) {
    Map<Node, Edge> previous = new HashMap<>();
    Deque<Node> queue = new ArrayDeque<>();
    queue.add(start);
    Set<Node> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      for (Edge edge : needs(node)) {
        if (!cycle.contains(edge.to())) {
          continue;
        }
        if (edge.to().equals(start)) {
          List<Edge> path = new ArrayList<>();
          path.add(edge);
          Node current = node;
          while (!current.equals(start)) {
            Edge back = previous.get(current);
            path.add(0, back);
            current = back.from();
          }
          return path;
        }
        if (seen.add(edge.to())) {
          previous.put(edge.to(), edge);
          queue.add(edge.to());
        }
      }
    }
    return List.of();
  }

  /** The first need of a blocked fact that is itself blocked: one step towards the cause. */
  public Optional<Edge> blockedNeed(Node node, Set<Node> reached) {
    for (Edge edge : needs(node)) {
      if (needs.containsKey(edge.to()) && !reached.contains(edge.to())) {
        return Optional.of(edge);
      }
    }
    return Optional.empty();
  }

  /** Everything the graph is built from, in the order the controllers' rules read. */
  private final class Builder {
    private final ClusterFacts facts;
    private final Seeds outOfBand;
    private final Carried carried;
    private final Map<String, List<Applied>> crdInstallers = new HashMap<>();
    private final List<Applied> operators = new ArrayList<>();
    private final List<Applied> connectServers = new ArrayList<>();
    private final Map<String, Applied> storageClasses = new HashMap<>();
    private final Set<Node> rootApplied = new HashSet<>();

    Builder(ClusterFacts facts, Seeds outOfBand, Carried carried) {
      this.facts = facts;
      this.outOfBand = outOfBand;
      this.carried = carried;
    }

    void build() {
      for (Applied applied : cluster.objects()) {
        if (applied.manifest() instanceof HelmRelease) {
          Set<String> charts = facts.chartNames(applied);
          if (charts.stream().anyMatch(Charts.EXTERNAL_SECRETS::contains)) {
            operators.add(applied);
          }
          if (charts.stream().anyMatch(Charts.CONNECT_SERVERS::contains)) {
            connectServers.add(applied);
          }
          for (String chart : charts) {
            for (String group : Charts.CRD_GROUPS.getOrDefault(chart, Set.of())) {
              crdInstallers.computeIfAbsent(group, g -> new ArrayList<>()).add(applied);
            }
          }
        } else if (applied.id().kind().equals("CustomResourceDefinition")) {
          Fields.of(applied.meta().node())
              .text("spec", "group")
              .ifPresent(
                  g ->
                      crdInstallers
                          .computeIfAbsent(g.value(), k -> new ArrayList<>())
                          .add(applied));
        } else if (applied.id().kind().equals("StorageClass")) {
          storageClasses.putIfAbsent(applied.id().name(), applied);
        }
      }
      Map<ObjectId, Integer> applications = new HashMap<>();
      for (Applied applied : cluster.objects()) {
        exists(applied);
        applications.merge(applied.id(), 1, Integer::sum);
      }
      // An object two builds apply exists once either has applied it.
      applications.forEach(
          (id, count) -> {
            if (count > 1) {
              anyOf.add(new Node(Kind.EXISTS, id));
            }
          });
      for (AppliedKustomization kustomization : cluster.kustomizations()) {
        kustomization(kustomization);
      }
      for (Applied applied : cluster.objects()) {
        if (applied.manifest() instanceof HelmRelease release) {
          release(applied, release);
        } else if (applied.manifest() instanceof ExternalSecret external) {
          externalSecret(applied, external);
        } else if (applied.manifest() instanceof SecretStore store) {
          store(applied, store);
        } else if (applied.id().kind().equals("PersistentVolumeClaim")) {
          claim(applied);
        } else if (WORKLOADS.contains(applied.id().kind())) {
          workload(applied);
        }
        issuer(applied);
      }
      // Every Secret infrastructure uses is a fact, whether or not a readiness edge leads to it,
      // so that an outage can say which of them only the provider makes.
      for (SecretUse use : facts.uses()) {
        if (use.role() == SecretUse.Role.INFRASTRUCTURE) {
          node(secret(use));
        }
      }
      secrets();
      operator();
      crds();
      seed();
      rootApplied.forEach(n -> needs.get(n).clear());
    }

    private void add(Node from, Node to, Cause cause, Supplier<String> why, Origin at) {
      needs.computeIfAbsent(from, k -> new ArrayList<>()).add(new Edge(from, to, cause, why, at));
      needs.computeIfAbsent(to, k -> new ArrayList<>());
    }

    /** A fact about an object that needs the object to exist first. */
    private void mustExist(Node node, ObjectId id, Origin at) {
      add(node, new Node(Kind.EXISTS, id), Cause.STRUCTURE, () -> "it must exist", at);
    }

    private void node(Node node) {
      needs.computeIfAbsent(node, k -> new ArrayList<>());
    }

    /** An object exists once what applies it has applied it; roots come from outside. */
    private void exists(Applied applied) {
      Node node = new Node(Kind.EXISTS, applied.id());
      node(node);
      if (applied.owner().isEmpty() || cluster.rootIds().contains(applied.id())) {
        // Applied from outside: it exists from the start, whatever else applies it too.
        rootApplied.add(node);
        return;
      }
      ObjectId owner = applied.owner().get();
      Optional<AppliedKustomization> kustomization = cluster.kustomization(owner);
      if (kustomization.isPresent()) {
        add(
            node,
            new Node(Kind.APPLIED, owner),
            Cause.STRUCTURE,
            () -> "Kustomization " + owner.qualifiedName() + " applies it",
            applied.origin());
      } else if (owner.kind().equals("HelmRelease")) {
        add(
            node,
            new Node(Kind.INSTALLED, owner),
            Cause.STRUCTURE,
            () -> "HelmRelease " + owner.qualifiedName() + " installs it",
            applied.origin());
      } else {
        add(
            node,
            new Node(Kind.EXISTS, owner),
            Cause.STRUCTURE,
            () -> owner.kind() + " " + owner.qualifiedName() + " creates it",
            applied.origin());
      }
    }

    private void kustomization(AppliedKustomization kustomization) {
      ObjectId id = kustomization.id();
      Node applied = new Node(Kind.APPLIED, id);
      Node ready = new Node(Kind.READY, id);
      Applied self = kustomization.applied();
      mustExist(applied, id, self.origin());
      add(ready, applied, Cause.STRUCTURE, () -> "Ready needs its build applied", self.origin());
      for (Dependency dependency : self.dependencies()) {
        if (cluster.kustomization(dependency.target()).isPresent()) {
          add(
              applied,
              new Node(Kind.READY, dependency.target()),
              Cause.DEPENDS_ON,
              () -> "dependsOn " + dependency.target().qualifiedName(),
              new Origin(self.file(), dependency.ref().name().range()));
        }
      }
      FluxKustomization spec = kustomization.kustomization();
      kustomization
          .decryption()
          .flatMap(d -> d.secretRef())
          .ifPresent(
              name ->
                  add(
                      applied,
                      new Node(
                          Kind.EXISTS,
                          new ObjectId("Secret", id.namespace(), self.substituted(name.value()))),
                      Cause.BUILD_INPUT,
                      () -> "decryption needs Secret " + name.value(),
                      kustomization.decryptionOrigin().orElse(self.origin())));
      for (ObjectReference from : kustomization.postBuild().substituteFrom()) {
        if (!from.optional()) {
          String kind = from.kindOr("ConfigMap");
          add(
              applied,
              new Node(
                  Kind.EXISTS,
                  new ObjectId(kind, id.namespace(), self.substituted(from.name().value()))),
              Cause.BUILD_INPUT,
              () -> "postBuild.substituteFrom needs " + kind + " " + from.name().value(),
              new Origin(self.file(), from.name().range()));
        }
      }
      Set<String> ownCrds = new HashSet<>();
      List<Applied> direct = cluster.appliedBy(id);
      for (Applied object : direct) {
        if (object.id().kind().equals("CustomResourceDefinition")) {
          Fields.of(object.meta().node())
              .text("spec", "group")
              .ifPresent(g -> ownCrds.add(g.value()));
        }
      }
      Set<String> seen = new HashSet<>();
      for (Applied object : direct) {
        String group = object.meta().group();
        if (!Charts.builtIn(group)
            && !ownCrds.contains(group)
            && crdInstallers.containsKey(group)
            && seen.add(group)) {
          add(
              applied,
              new Node(Kind.CRDS, new ObjectId("CRDs", "", group)),
              Cause.CRD,
              () ->
                  object.id().kind()
                      + " "
                      + object.id().qualifiedName()
                      + " needs the CRDs of "
                      + group,
              object.origin());
        }
      }
      boolean waits = spec.waitsForAll();
      for (Applied object : direct) {
        boolean checked =
            waits
                || spec.healthChecks().stream()
                    .anyMatch(
                        h ->
                            h.kindOr("").equals(object.id().kind())
                                && self.substituted(h.name().value()).equals(object.id().name()));
        if (!checked) {
          continue;
        }
        String kind = object.id().kind();
        if (kind.equals("PersistentVolumeClaim")) {
          add(
              ready,
              new Node(Kind.BOUND, object.id()),
              Cause.STRUCTURE,
              () -> "wait: true waits for PersistentVolumeClaim " + object.id().qualifiedName(),
              object.origin());
          continue;
        }
        Kind awaited;
        if (kind.equals("HelmRelease")
            || kind.equals("Kustomization")
            || kind.equals("Certificate") && object.meta().group().equals("cert-manager.io")) {
          awaited = Kind.READY;
        } else if (WORKLOADS.contains(kind)) {
          awaited = Kind.STARTED;
        } else {
          continue;
        }
        add(
            ready,
            new Node(awaited, object.id()),
            Cause.STRUCTURE,
            () ->
                (waits ? "wait: true" : "healthChecks")
                    + " waits for "
                    + kind
                    + " "
                    + object.id().qualifiedName(),
            object.origin());
      }
    }

    /**
     * A cert-manager Certificate is Ready once its issuer exists; so is an object whose {@code
     * cert-manager.io/cluster-issuer} annotation has ingress-shim make its Certificate.
     */
    private void issuer(Applied applied) {
      Fields fields = Fields.of(applied.meta().node());
      if (applied.id().kind().equals("Certificate")
          && applied.meta().group().equals("cert-manager.io")) {
        Optional<Located<String>> name = fields.text("spec", "issuerRef", "name");
        if (name.isPresent()) {
          String kind =
              fields.text("spec", "issuerRef", "kind").map(Located::value).orElse("Issuer");
          ObjectId issuer =
              new ObjectId(
                  kind,
                  kind.equals("ClusterIssuer") ? "" : applied.id().namespace(),
                  applied.substituted(name.get().value()));
          issuedBy(applied, issuer, new Origin(applied.file(), name.get().range()));
        }
      }
      String annotated = applied.meta().annotations().get("cert-manager.io/cluster-issuer");
      if (annotated != null) {
        issuedBy(
            applied,
            new ObjectId("ClusterIssuer", "", applied.substituted(annotated)),
            applied.origin());
      }
    }

    private void issuedBy(Applied applied, ObjectId issuer, Origin at) {
      if (cluster.find(issuer).isEmpty()) {
        return;
      }
      Node ready = new Node(Kind.READY, applied.id());
      mustExist(ready, applied.id(), applied.origin());
      add(
          ready,
          new Node(Kind.EXISTS, issuer),
          Cause.STRUCTURE,
          () -> "it is issued by " + issuer.kind() + " " + issuer.name(),
          at);
    }

    /**
     * A workload's pods start once it exists and the Secrets and claims they mount are there (the
     * kubelet holds a pod in ContainerCreating until its volumes can be mounted).
     */
    private void workload(Applied workload) {
      Node started = new Node(Kind.STARTED, workload.id());
      mustExist(started, workload.id(), workload.origin());
      for (SecretUse use : facts.usesBy(workload)) {
        if (use.role() != SecretUse.Role.ADVISORY) {
          add(
              started,
              secret(use),
              Cause.SECRET,
              () -> use.describe() + " needs Secret " + use.name(),
              use.at());
        }
      }
      List<Located<String>> claims = claims(workload, "spec");
      if (workload.id().kind().equals("StatefulSet")) {
        for (YamlNode node :
            FieldPath.parse("spec.volumeClaimTemplates.[].spec.storageClassName")
                .select(workload.meta().node())) {
          if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            storageClass(
                started,
                workload.substituted(scalar.value()),
                new Origin(workload.file(), scalar.range()));
          }
        }
      }
      for (Located<String> claim : claims) {
        ObjectId pvc =
            new ObjectId(
                "PersistentVolumeClaim",
                workload.id().namespace(),
                workload.substituted(claim.value()));
        if (!cluster.find(pvc).isEmpty()) {
          add(
              started,
              new Node(Kind.BOUND, pvc),
              Cause.STRUCTURE,
              () -> "it mounts PersistentVolumeClaim " + pvc.qualifiedName(),
              new Origin(workload.file(), claim.range()));
        }
      }
    }

    private Node secret(SecretUse use) {
      return new Node(Kind.EXISTS, new ObjectId("Secret", use.namespace().orElse(""), use.name()));
    }

    private void release(Applied applied, HelmRelease release) {
      ObjectId id = applied.id();
      Node installed = new Node(Kind.INSTALLED, id);
      Node ready = new Node(Kind.READY, id);
      mustExist(installed, id, applied.origin());
      add(ready, installed, Cause.STRUCTURE, () -> "Ready needs it installed", applied.origin());
      for (Dependency dependency : applied.dependencies()) {
        if (!cluster.find(dependency.target()).isEmpty()) {
          add(
              installed,
              new Node(Kind.READY, dependency.target()),
              Cause.DEPENDS_ON,
              () -> "dependsOn " + dependency.target().qualifiedName(),
              new Origin(applied.file(), dependency.ref().name().range()));
        }
      }
      release
          .chartSource()
          .ifPresent(
              ref -> {
                ObjectId source = ChartSources.of(applied, ref);
                if (!cluster.find(source).isEmpty()) {
                  add(
                      installed,
                      new Node(Kind.EXISTS, source),
                      Cause.STRUCTURE,
                      () -> "its chart comes from " + source.kind() + " " + source.qualifiedName(),
                      new Origin(applied.file(), ref.name().range()));
                }
              });
      for (ObjectReference from : release.valuesFrom()) {
        if (!from.optional()) {
          String kind = from.kindOr("ConfigMap");
          add(
              installed,
              new Node(
                  Kind.EXISTS,
                  new ObjectId(kind, id.namespace(), applied.substituted(from.name().value()))),
              kind.equals("Secret") ? Cause.SECRET : Cause.BUILD_INPUT,
              () -> "valuesFrom needs " + kind + " " + from.name().value(),
              new Origin(applied.file(), from.name().range()));
        }
      }
      if (!release.waits()) {
        return;
      }
      for (SecretUse use : facts.usesBy(applied)) {
        if (use.role() != SecretUse.Role.ADVISORY && !use.what().equals("valuesFrom")) {
          add(
              ready,
              secret(use),
              Cause.SECRET,
              () -> use.describe() + " needs Secret " + use.name(),
              use.at());
        }
      }
      for (Located<String> claim : claims(applied, "spec", "values")) {
        ObjectId pvc =
            new ObjectId(
                "PersistentVolumeClaim", releaseNamespace(applied, release), claim.value());
        if (!cluster.find(pvc).isEmpty()) {
          add(
              ready,
              new Node(Kind.BOUND, pvc),
              Cause.STRUCTURE,
              () -> "its values mount PersistentVolumeClaim " + pvc.qualifiedName(),
              new Origin(applied.file(), claim.range()));
        }
      }
    }

    private String releaseNamespace(Applied applied, HelmRelease release) {
      return release
          .targetNamespace()
          .map(t -> applied.substituted(t.value()))
          .orElse(applied.id().namespace());
    }

    /**
     * The scalars under {@code path} of the object that name a claim ({@code existingClaim: data},
     * {@code claimName}). A walk of the whole values or spec, so it is carried from one snapshot to
     * the next with the document, which the next render shares while its build holds.
     */
    private List<Located<String>> claims(Applied object, String... path) {
      YamlMapping document = object.meta().node();
      return carried.get(
          CLAIMS,
          () -> {
            List<Located<String>> result = new ArrayList<>();
            Fields.of(document).node(path).ifPresent(n -> collectClaims(n, false, result, 0));
            return List.copyOf(result);
          },
          document,
          path.length);
    }

    private void collectClaims(
        YamlNode node, boolean claimKey, List<Located<String>> out, int depth) {
      if (depth > 32) {
        return;
      }
      if (node instanceof YamlScalar scalar) {
        if (claimKey && !scalar.isNull()) {
          out.add(Located.of(scalar.value(), scalar.range()));
        }
      } else if (node instanceof YamlSequence sequence) {
        sequence.items().forEach(i -> collectClaims(i, claimKey, out, depth + 1));
      } else if (node instanceof YamlMapping mapping) {
        for (YamlMapping.Entry entry : mapping.entries()) {
          String key = entry.keyText().orElse("");
          collectClaims(
              entry.value(),
              key.equals("existingClaim") || key.equals("claimName"),
              out,
              depth + 1);
        }
      }
    }

    private void externalSecret(Applied applied, ExternalSecret external) {
      if (external.storeRef().isEmpty()) {
        return;
      }
      ObjectId store = facts.storeOf(applied, external.storeRef().get());
      for (SecretSource source : facts.sourcesFrom(applied)) {
        Node made =
            new Node(
                Kind.MADE, new ObjectId("Secret", source.namespace().orElse(""), source.name()));
        add(
            made,
            new Node(Kind.EXISTS, applied.id()),
            Cause.STRUCTURE,
            () -> "its ExternalSecret must exist",
            applied.origin());
        add(
            made,
            new Node(Kind.SERVES, store),
            Cause.SECRET,
            () ->
                "ExternalSecret "
                    + applied.id().qualifiedName()
                    + " reads it through "
                    + store.kind()
                    + " "
                    + store.qualifiedName(),
            new Origin(applied.file(), external.storeRef().get().name().range()));
      }
    }

    private void store(Applied applied, SecretStore store) {
      Node serves = new Node(Kind.SERVES, applied.id());
      add(serves, OPERATOR, Cause.STRUCTURE, () -> "the operator must run", applied.origin());
      add(
          serves,
          new Node(Kind.EXISTS, applied.id()),
          Cause.STRUCTURE,
          () -> "the store must be applied",
          applied.origin());
      for (SecretUse use : facts.usesBy(applied)) {
        if (use.role() != SecretUse.Role.ADVISORY) {
          add(
              serves,
              secret(use),
              Cause.SECRET,
              () -> "its credentials are in Secret " + use.name(),
              use.at());
        }
      }
      if (store.provider().filter("onepassword"::equals).isPresent()) {
        for (Applied connect : connectServers) {
          add(
              serves,
              new Node(Kind.READY, connect.id()),
              Cause.STRUCTURE,
              () -> "1Password Connect serves it: HelmRelease " + connect.id().qualifiedName(),
              connect.origin());
        }
      }
    }

    private void claim(Applied applied) {
      Node bound = new Node(Kind.BOUND, applied.id());
      mustExist(bound, applied.id(), applied.origin());
      Optional<Located<String>> className =
          Fields.of(applied.meta().node()).text("spec", "storageClassName");
      if (className.isEmpty()) {
        return;
      }
      storageClass(
          bound,
          applied.substituted(className.get().value()),
          new Origin(applied.file(), className.get().range()));
    }

    /** A claim binds once its StorageClass exists and the Secrets it provisions with do. */
    private void storageClass(Node bound, String name, Origin at) {
      Applied storageClass = storageClasses.get(name);
      if (storageClass == null) {
        return;
      }
      add(
          bound,
          new Node(Kind.EXISTS, storageClass.id()),
          Cause.STRUCTURE,
          () -> "it uses StorageClass " + storageClass.id().name(),
          at);
      for (SecretUse use : facts.usesBy(storageClass)) {
        if (use.role() != SecretUse.Role.ADVISORY) {
          add(
              bound,
              secret(use),
              Cause.SECRET,
              () ->
                  "StorageClass "
                      + storageClass.id().name()
                      + " provisions with Secret "
                      + use.name(),
              use.at());
        }
      }
    }

    /** A Secret exists once any of its producers does; ExternalSecrets through their store. */
    private void secrets() {
      // Found first and added after: this loop only reads the graph, the next one grows it.
      Map<Node, List<SecretSource>> producers = new LinkedHashMap<>();
      for (Node node : needs.keySet()) {
        if (node.kind() == Kind.EXISTS && node.id().kind().equals("Secret")) {
          List<SecretSource> found = new ArrayList<>();
          for (SecretSource source : facts.sourcesNamed(node.id().name())) {
            if (source.namespace().isEmpty()
                || node.id().namespace().isEmpty()
                || source.namespace().get().equals(node.id().namespace())) {
              found.add(source);
            }
          }
          if (!found.isEmpty()) {
            producers.put(node, found);
          }
        }
      }
      producers.forEach(
          (node, sources) -> {
            // The Secret is also an object of the cluster when a Secret document makes it: that
            // document's own "exists" is reached through its owner, like any object.
            needs.get(node).removeIf(e -> e.cause() == Cause.STRUCTURE);
            anyOf.add(node);
            for (SecretSource source : sources) {
              if (source.mechanism() == SecretSource.Mechanism.EXTERNAL_SECRET) {
                add(
                    node,
                    new Node(
                        Kind.MADE,
                        new ObjectId("Secret", source.namespace().orElse(""), source.name())),
                    Cause.SECRET,
                    () -> "ExternalSecret " + source.source().id().qualifiedName() + " makes it",
                    source.source().origin());
              } else if (!source.source().id().equals(node.id())) {
                add(
                    node,
                    new Node(Kind.EXISTS, source.source().id()),
                    Cause.STRUCTURE,
                    () -> source.mechanism().label() + " Secret in " + source.source().file(),
                    source.source().origin());
              } else {
                Applied secret = source.source();
                secret
                    .owner()
                    .filter(o -> !cluster.rootIds().contains(secret.id()))
                    .flatMap(cluster::kustomization)
                    .ifPresent(
                        o ->
                            add(
                                node,
                                new Node(Kind.APPLIED, o.id()),
                                Cause.STRUCTURE,
                                () ->
                                    source.mechanism().label()
                                        + " Secret applied by Kustomization "
                                        + o.id().qualifiedName(),
                                secret.origin()));
                if (secret.owner().isEmpty() || cluster.rootIds().contains(secret.id())) {
                  needs.get(node).clear();
                }
              }
            }
          });
    }

    /** The operator runs once any of its releases is Ready; none here means it runs elsewhere. */
    private void operator() {
      node(OPERATOR);
      if (operators.isEmpty()) {
        return;
      }
      anyOf.add(OPERATOR);
      for (Applied release : operators) {
        add(
            OPERATOR,
            new Node(Kind.READY, release.id()),
            Cause.STRUCTURE,
            () -> "HelmRelease " + release.id().qualifiedName() + " installs it",
            release.origin());
      }
    }

    /**
     * CRDs of a group are installed once any CRD document or chart of them is, or a build whose
     * content Strata cannot see (another project's source, a remote resource) that may hold them.
     */
    private void crds() {
      List<AppliedKustomization> hidden = new ArrayList<>();
      List<String> remoteFiles =
          cluster.references().stream()
              .filter(r -> r.status() == dev.strata.workspace.PathReference.Status.REMOTE)
              .map(dev.strata.workspace.PathReference::file)
              .toList();
      for (AppliedKustomization kustomization : cluster.kustomizations()) {
        boolean remote =
            kustomization.path().isPresent()
                && remoteFiles.stream()
                    .anyMatch(file -> file.startsWith(kustomization.path().get() + "/"));
        if (kustomization.external() || remote) {
          hidden.add(kustomization);
        }
      }
      for (Node node : List.copyOf(needs.keySet())) {
        if (node.kind() != Kind.CRDS) {
          continue;
        }
        anyOf.add(node);
        for (AppliedKustomization kustomization : hidden) {
          add(
              node,
              new Node(Kind.APPLIED, kustomization.id()),
              Cause.STRUCTURE,
              () ->
                  "Kustomization "
                      + kustomization.id().qualifiedName()
                      + " builds what Strata cannot see",
              kustomization.applied().origin());
        }
        for (Applied installer : crdInstallers.getOrDefault(node.id().name(), List.of())) {
          Node target =
              installer.manifest() instanceof HelmRelease
                  ? new Node(Kind.INSTALLED, installer.id())
                  : new Node(Kind.EXISTS, installer.id());
          add(
              node,
              target,
              Cause.STRUCTURE,
              () -> installer.id().kind() + " " + installer.id().qualifiedName() + " installs them",
              installer.origin());
        }
      }
    }

    /** What bootstrap steps create before Flux runs. */
    private void seed() {
      // Both look-ups of an object match by its name (then by namespace, or none): a fact whose
      // name no seed has is skipped, which is nearly every fact of a cluster.
      Set<String> seededNames = new HashSet<>();
      outOfBand.objects().keySet().forEach(id -> seededNames.add(id.name()));
      outOfBand.fromProvider().forEach(id -> seededNames.add(id.name()));
      for (Node node : needs.keySet()) {
        switch (node.kind()) {
          case EXISTS -> {
            if (!seededNames.contains(node.id().name())) {
              continue;
            }
            outOfBand.object(node.id()).ifPresent(o -> seeds.put(node, o));
            if (outOfBand.needsProvider(node.id())) {
              providerSeeds.add(node);
            }
          }
          case CRDS -> {
            for (Map.Entry<String, Set<String>> chart : Charts.CRD_GROUPS.entrySet()) {
              if (chart.getValue().contains(node.id().name())) {
                outOfBand.chart(chart.getKey()).ifPresent(o -> seeds.put(node, o));
              }
            }
            outOfBand
                .object(new ObjectId("CRDs", "", node.id().name()))
                .or(() -> outOfBand.object(new ObjectId("CRDs", "", "*")))
                .ifPresent(o -> seeds.put(node, o));
          }
          case OPERATOR ->
              Charts.EXTERNAL_SECRETS.forEach(
                  c -> outOfBand.chart(c).ifPresent(o -> seeds.put(node, o)));
          case READY, INSTALLED -> {
            for (Applied release : connectServers) {
              if (release.id().equals(node.id())) {
                Charts.CONNECT_SERVERS.forEach(
                    c -> outOfBand.chart(c).ifPresent(o -> seeds.put(node, o)));
              }
            }
          }
          default -> {}
        }
      }
    }
  }
}
