package dev.strata.analysis;

import dev.strata.workspace.Carried;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Snapshot;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The derived facts of one snapshot that rules and language features share: a dependency graph per
 * cluster and, built on first use, the providers, consumers and layers of each cluster. Immutable
 * in meaning; caches fill lazily and safely from several threads.
 */
public final class Analysis {
  private final Snapshot snapshot;
  private final Map<Cluster, DependencyGraph> graphs = new IdentityHashMap<>();
  private final Map<Cluster, ClusterFacts> facts = new IdentityHashMap<>();
  private final Map<Cluster, Layers> layers = new IdentityHashMap<>();
  private final Map<Cluster, List<Deadlock>> deadlocks = new IdentityHashMap<>();
  private final Map<Cluster, NeedGraph> needGraphs = new IdentityHashMap<>();
  private final Map<Cluster, OutageSimulation> outages = new IdentityHashMap<>();
  private final Map<Cluster, DeployedVersions> deployed = new IdentityHashMap<>();
  // Every cache is guarded by this and filled by cached(), never computed under the lock.
  private final Map<Object, Object> derived = new HashMap<>();
  // The computations under way, per cache and key, for cached(); guarded by this.
  private final Map<Map<?, ?>, Map<Object, CompletableFuture<Object>>> computing =
      new IdentityHashMap<>();

  public Analysis(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public List<Cluster> clusters() {
    return snapshot.render().clusters();
  }

  public DependencyGraph graph(Cluster cluster) {
    return cached(
        graphs,
        cluster,
        c -> carried().get(DependencyGraph.class, () -> new DependencyGraph(c), c));
  }

  /**
   * The Secret providers and consumers of a cluster. Like the graphs below it is kept for the next
   * snapshot: a render hands out the same cluster instance only when the cluster rendered the same
   * content from the same files, and these read nothing else (the need graph also reads what
   * bootstrap steps seed, the layers the configuration, so those are part of their keys).
   */
  public ClusterFacts facts(Cluster cluster) {
    return cached(
        facts,
        cluster,
        c -> carried().get(ClusterFacts.class, () -> new ClusterFacts(c, snapshot), c));
  }

  public Layers layers(Cluster cluster) {
    return cached(
        layers,
        cluster,
        c ->
            carried()
                .get(
                    Layers.class,
                    () -> new Layers(c, graph(c), facts(c), needs(c), snapshot.config()),
                    c,
                    Carried.byValue(snapshot.render().seeds()),
                    Carried.byValue(snapshot.config())));
  }

  /** What must be true before what in a cluster, computed once. */
  public NeedGraph needs(Cluster cluster) {
    return cached(
        needGraphs,
        cluster,
        c ->
            carried()
                .get(
                    NeedGraph.class,
                    () -> new NeedGraph(c, facts(c), snapshot.render().seeds(), carried()),
                    c,
                    Carried.byValue(snapshot.render().seeds())));
  }

  private Carried carried() {
    return snapshot.carried();
  }

  /** Which Flux and External Secrets a cluster runs, read once. */
  public DeployedVersions deployed(Cluster cluster) {
    return cached(deployed, cluster, c -> DeployedVersions.of(c, releaseEvidence()));
  }

  private DeployedVersions.Evidence releaseEvidence() {
    return derived(
        DeployedVersions.Evidence.class, () -> DeployedVersions.Evidence.of(snapshot, clusters()));
  }

  /** The cycles of a cluster's need graph, computed once for the rules that need them. */
  public List<Deadlock> deadlocks(Cluster cluster) {
    return cached(
        deadlocks,
        cluster,
        c ->
            carried()
                .get(
                    Deadlock.class,
                    () -> List.copyOf(Deadlock.find(c, needs(c))),
                    c,
                    Carried.byValue(snapshot.render().seeds())));
  }

  /**
   * Computes ahead what most rules of every cluster wait for: its need graph and the deadlocks in
   * it (a quarter of an analysis at 20,000 files, read by five rules and the layers), stopping
   * between clusters once {@code cancelled}. An analyzer runs this on its own thread while its
   * rules start; a rule that asks meanwhile waits for this computation instead of repeating it.
   */
  public void prepare(BooleanSupplier cancelled) {
    for (Cluster cluster : clusters()) {
      if (cancelled.getAsBoolean()) {
        return;
      }
      deadlocks(cluster);
    }
  }

  /**
   * What a {@link ClusterRule} finds in a cluster, kept for the next snapshot like the need graph:
   * the key holds everything such a rule may read besides the cluster instance (the seeds, the
   * configuration and the deployed versions, which the repository's other files can change).
   */
  List<Finding> findings(ClusterRule rule, Cluster cluster) {
    return carried()
        .get(
            rule,
            () -> {
              List<Finding> found = new java.util.ArrayList<>();
              rule.check(this, cluster, found::add);
              return List.copyOf(found);
            },
            cluster,
            Carried.byValue(snapshot.render().seeds()),
            Carried.byValue(snapshot.config()),
            Carried.byValue(deployed(cluster)));
  }

  /**
   * What an outage of the secret provider blocks in a cluster, computed once for hovers and
   * commands.
   */
  public OutageSimulation outage(Cluster cluster) {
    return cached(outages, cluster, c -> new OutageSimulation(this, c));
  }

  /**
   * A snapshot-wide index that code actions and rules share within this analysis (for example which
   * kustomization files list a path), computed once; {@code compute} may read this analysis.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Supplier<T> compute) {
    return (T) cached(derived, key, k -> compute.get());
  }

  /**
   * A value per cluster (or per key) computed outside the lock, because computing it reads the
   * other caches. Computed once: a thread that asks while another computes it waits for that
   * computation rather than repeating it (the analyzer runs rules on several threads, and most of
   * them ask for the same need graph at once). A computation that fails is not kept: each asker
   * sees its exception, and a later one computes again. No computation asks for its own key.
   */
  @SuppressWarnings("unchecked")
  private <K, T> T cached(Map<K, T> cache, K key, Function<K, T> compute) {
    CompletableFuture<Object> running;
    CompletableFuture<Object> mine = null;
    synchronized (this) {
      T existing = cache.get(key);
      if (existing != null) {
        return existing;
      }
      Map<Object, CompletableFuture<Object>> started =
          computing.computeIfAbsent(cache, c -> new HashMap<>());
      running = started.get(key);
      if (running == null) {
        mine = new CompletableFuture<>();
        started.put(key, mine);
      }
    }
    if (mine == null) {
      return (T) awaited(running);
    }
    T computed;
    try {
      computed = compute.apply(key);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        computing.get(cache).remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
    synchronized (this) {
      cache.put(key, computed);
      computing.get(cache).remove(key);
    }
    mine.complete(computed);
    return computed;
  }

  /** The value another thread computed, or its exception as that thread met it. */
  private static Object awaited(CompletableFuture<Object> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
