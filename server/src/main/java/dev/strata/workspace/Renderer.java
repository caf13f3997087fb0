package dev.strata.workspace;

import dev.strata.model.Decryption;
import dev.strata.model.DependencyRef;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a snapshot as Flux would: finds the repository's own sources ({@link SourceResolver}) and
 * the cluster roots ({@link RootFinder}), then follows each root through the builds of its
 * Kustomizations ({@link FluxBuilder}, {@link KustomizeBuilder}) and what controllers create from
 * them ({@link Created}). Each Kustomization is built once per cluster, breadth first; the first
 * application of an identity wins.
 */
final class Renderer {
  private static final String RECONCILE = "kustomize.toolkit.fluxcd.io/reconcile";
  private static final String SSA = "kustomize.toolkit.fluxcd.io/ssa";

  private final Snapshot snapshot;
  private final Memo previous;
  private final List<Kept> previousClusters;
  private Memo memo;
  private List<Kept> kept = List.of();
  private int reusedClusters;

  /**
   * A cluster of a render with the files it was rendered from, as that snapshot held them: the next
   * render hands out the same instance when it renders the same content from the same files, so
   * that what the analysis derived from the cluster (facts, need graph, deadlocks) holds too.
   */
  record Kept(
      Cluster cluster,
      java.util.NavigableMap<String, SourceFile> files,
      Sources sources,
      List<Object> builds) {
    /**
     * The cluster with the files of the snapshot it holds for. The snapshot's file map is kept
     * whole rather than the cluster's inputs looked up in it: it is immutable and shared with the
     * snapshot, and collecting the inputs of a 20,000-file cluster was 3% of every edit there.
     */
    static Kept of(Cluster cluster, Snapshot snapshot, Sources sources, List<Object> builds) {
      return new Kept(cluster, snapshot.fileMap(), sources, builds);
    }

    /**
     * True when this cluster need not be rendered again: the same root, the same sources, and none
     * of its inputs among the {@code changed} files of an edit that kept every path and folder
     * (and, the builder's memo being inherited, the cluster-scoped kinds). A cluster's render reads
     * nothing else: its builds read files it lists as inputs (the kustomization files, resources,
     * patches, components, replacements and generator data files; folder listings cannot change
     * when no path did), and its roots, sources and scope are compared.
     */
    boolean untouched(ClusterRoot root, Sources now, Set<String> changed) {
      if (!cluster.root().equals(root) || !sources.sameAs(now)) {
        return false;
      }
      for (String path : changed) {
        if (cluster.readFrom(path)) {
          return false;
        }
      }
      return true;
    }

    /**
     * True when the cluster's inputs are the same files in {@code snapshot} and it renders the same
     * content; {@code changed}, when known, holds every path whose file differs between the
     * previous render's snapshot (whose files a kept cluster's inputs are) and this one.
     */
    boolean holdsFor(Cluster rendered, Snapshot snapshot, Optional<Set<String>> changed) {
      if (changed.isPresent()) {
        for (String path : changed.get()) {
          if (cluster.readFrom(path)) {
            return false;
          }
        }
        return cluster.sameContent(rendered);
      }
      java.util.NavigableMap<String, SourceFile> now = snapshot.fileMap();
      boolean[] same = {true};
      cluster.inputs(
          path -> {
            if (same[0] && files.get(path) != now.get(path)) {
              same[0] = false;
            }
          });
      return same[0] && cluster.sameContent(rendered);
    }
  }

  Renderer(Snapshot snapshot) {
    this(snapshot, null, List.of());
  }

  /**
   * A renderer that reuses the builds of the previous snapshot's render where they still hold, and
   * its clusters where they come out the same.
   */
  Renderer(Snapshot snapshot, Memo previous, List<Kept> previousClusters) {
    this.snapshot = snapshot;
    this.previous = previous;
    this.previousClusters = previousClusters;
  }

  /** The clusters of the last render, for the next snapshot. */
  List<Kept> kept() {
    return kept;
  }

  /** How many clusters the last render rendered rather than took untouched. */
  int renderedClusters() {
    return renderedClusters;
  }

  private int renderedClusters;

  /** How many clusters the last render took from the previous snapshot's. */
  int reusedClusters() {
    return reusedClusters;
  }

  /** The builds of one render, for the next snapshot's: kustomize's and Flux's. */
  record Memo(KustomizeBuilder.Memo kustomize, FluxBuilder.Memo flux) {}

  /** The builds of the last render, for the next snapshot. */
  Memo memo() {
    return memo;
  }

  /** How many builds the last render took from the previous snapshot's. */
  int reused() {
    return reused;
  }

  private int reused;

  /** How many patch and transformation results this render computed (for tests). */
  int computedSteps() {
    return computedSteps;
  }

  private int computedSteps;

  /** How many Flux Kustomization builds this render carried from the previous one (for tests). */
  int carriedBuilds() {
    return carriedBuilds;
  }

  private int carriedBuilds;

  /** How many applied objects this render made rather than reused (for tests). */
  int computedApplied() {
    return computedApplied;
  }

  private int computedApplied;

  RenderTree render() {
    Scope scope = Scope.of(snapshot);
    KustomizeBuilder kustomize =
        new KustomizeBuilder(snapshot, scope, previous == null ? null : previous.kustomize());
    Created created = new Created(snapshot);
    FluxBuilder flux =
        new FluxBuilder(kustomize, created, previous == null ? null : previous.flux());
    flux.useSources(
        new SourceResolver(snapshot, flux, created, Publications.of(snapshot)).resolve());
    // The previous render's instance when they came out the same, which carries its builds.
    Sources sources = flux.sources();
    List<ClusterRoot> roots = new RootFinder(snapshot, flux, created).roots();
    List<Cluster> clusters = new ArrayList<>();
    Optional<Set<String>> changed = kustomize.changed();
    // The builds each cluster asked for, kept with it so that a cluster taken without rendering
    // keeps its builds in the memo for the render that renders it again.
    Map<Cluster, List<Object>> builds = new java.util.IdentityHashMap<>();
    for (ClusterRoot root : roots) {
      Optional<Kept> untouched =
          changed.flatMap(
              c ->
                  previousClusters.stream().filter(k -> k.untouched(root, sources, c)).findFirst());
      if (untouched.isPresent()) {
        kustomize.keep(untouched.get().builds());
        builds.put(untouched.get().cluster(), untouched.get().builds());
        clusters.add(untouched.get().cluster());
        continue;
      }
      renderedClusters++;
      List<Object> asked = new ArrayList<>();
      kustomize.record(asked);
      ClusterRender first = new ClusterRender(root, flux, scope, Map.of());
      Cluster cluster = first.run();
      if (first.requested.stream().anyMatch(first.configMaps::containsKey)) {
        // Variables from ConfigMaps of the cluster, known only once the cluster is rendered.
        cluster = new ClusterRender(root, flux, scope, first.configMaps).run();
      }
      kustomize.stopRecording();
      builds.put(cluster, List.copyOf(asked));
      clusters.add(cluster);
    }
    clusters = reuse(withoutAppliedRoots(clusters), changed, sources, builds);
    Set<String> applied = new HashSet<>();
    clusters.forEach(c -> applied.addAll(c.files()));
    RenderTree tree =
        new RenderTree(
            clusters,
            applied,
            dataFiles(kustomize),
            sources,
            Seeds.of(snapshot, applied, kustomize));
    memo = new Memo(kustomize.memo(), flux.memo());
    carriedBuilds = flux.carried();
    reused = kustomize.reused();
    computedSteps = kustomize.computedSteps();
    computedApplied = kustomize.computedApplied();
    return tree;
  }

  /** Each cluster as the previous render's instance where that one still holds. */
  private List<Cluster> reuse(
      List<Cluster> clusters,
      Optional<Set<String>> changed,
      Sources sources,
      Map<Cluster, List<Object>> builds) {
    List<Cluster> result = new ArrayList<>();
    List<Kept> next = new ArrayList<>();
    for (Cluster cluster : clusters) {
      Cluster chosen = cluster;
      for (Kept old : previousClusters) {
        if (old.cluster() == cluster || old.holdsFor(cluster, snapshot, changed)) {
          chosen = old.cluster();
          reusedClusters++;
          break;
        }
      }
      result.add(chosen);
      // A kept cluster holds under this render's sources too: its content came out the same, and
      // its inputs are the same files in this snapshot as in the one it was rendered from.
      next.add(Kept.of(chosen, snapshot, sources, builds.getOrDefault(cluster, List.of())));
    }
    kept = List.copyOf(next);
    return result;
  }

  /**
   * A Kustomization that nothing seemed to apply may turn out to be applied once variables are
   * known: a cluster rooted there is part of another, not one of its own.
   */
  private static List<Cluster> withoutAppliedRoots(List<Cluster> clusters) {
    List<Cluster> result = new ArrayList<>();
    for (Cluster cluster : clusters) {
      boolean partOfAnother = false;
      if (cluster.root().kind() == ClusterRoot.Kind.UNAPPLIED) {
        for (Cluster other : clusters) {
          if (other != cluster
              && cluster.root().seeds().stream()
                  .allMatch(
                      s ->
                          other.inFile(s.object().file()).stream()
                              .anyMatch(a -> a.owner().isPresent()))) {
            partOfAnother = true;
          }
        }
      }
      if (!partOfAnother) {
        result.add(cluster);
      }
    }
    return result;
  }

  /** Every generator input of every kustomization file, reached or not. */
  private Set<String> dataFiles(KustomizeBuilder kustomize) {
    Set<String> result = new HashSet<>();
    snapshot.perFile(DATA_FILES, Renderer::dataFilesOf).forEach(result::addAll);
    return result;
  }

  private static final Object DATA_FILES = new Object();

  /** The files one file's generators read, or null when it has none (most files). */
  private static Set<String> dataFilesOf(SourceFile file) {
    Set<String> result = new HashSet<>();
    for (Manifest manifest : file.manifests()) {
      if (manifest instanceof KustomizeOverlay overlay) {
        for (KustomizeOverlay.GeneratedConfigMap map : overlay.configMapGenerator()) {
          map.files().values().forEach(p -> resolve(file, p.value()).ifPresent(result::add));
          map.envs().forEach(p -> resolve(file, p.value()).ifPresent(result::add));
        }
        for (KustomizeOverlay.GeneratedSecret secret : overlay.secretGenerator()) {
          for (Located<String> input : secret.files()) {
            String value = input.value();
            int equals = value.indexOf('=');
            resolve(file, equals > 0 ? value.substring(equals + 1) : value).ifPresent(result::add);
          }
        }
      }
    }
    return result.isEmpty() ? null : Set.copyOf(result);
  }

  private static Optional<String> resolve(SourceFile file, String path) {
    return RepositoryPath.resolve(file.directory(), path);
  }

  /** The render of one cluster, breadth first over Kustomizations to bound recursion. */
  private final class ClusterRender {
    private final ClusterRoot root;
    private final FluxBuilder flux;
    private final Scope scope;
    private final List<Applied> objects = new ArrayList<>();
    private final Map<ObjectId, AppliedKustomization> kustomizations = new LinkedHashMap<>();
    private final Map<ObjectId, FluxBuilder.FluxBuild> builds = new HashMap<>();
    private final List<PathReference> references = new ArrayList<>();
    private final Set<String> files = new LinkedHashSet<>();
    private final List<Cluster.BuildDuplicate> duplicates = new ArrayList<>();
    private final ArrayDeque<AppliedKustomization> pending = new ArrayDeque<>();
    private final Set<ObjectId> rootIds = new LinkedHashSet<>();
    private final Map<ObjectId, Map<String, String>> known;
    private final Map<ObjectId, Map<String, String>> configMaps = new HashMap<>();
    private final Set<ObjectId> requested = new HashSet<>();

    ClusterRender(
        ClusterRoot root, FluxBuilder flux, Scope scope, Map<ObjectId, Map<String, String>> known) {
      this.root = root;
      this.flux = flux;
      this.scope = scope;
      this.known = known;
    }

    /** The data of a ConfigMap as its owner applies it, for variables read from it. */
    private void remember(Applied applied) {
      if (!applied.id().kind().equals("ConfigMap") || !applied.meta().group().isEmpty()) {
        return;
      }
      Map<String, String> data = new LinkedHashMap<>();
      dev.strata.model.Fields.of(applied.meta().node())
          .stringMap("data")
          .forEach((k, v) -> data.put(k, applied.substituted(v)));
      configMaps.putIfAbsent(applied.id(), data);
    }

    private Optional<Map<String, String>> variables(
        dev.strata.model.ObjectReference from, ObjectId kustomization) {
      if (!from.kindOr("ConfigMap").equals("ConfigMap") || from.name().value().contains("${")) {
        return Optional.empty();
      }
      ObjectId id = new ObjectId("ConfigMap", kustomization.namespace(), from.name().value());
      requested.add(id);
      return Optional.ofNullable(known.get(id));
    }

    Cluster run() {
      Map<String, ObjectId> seedIds = new HashMap<>();
      for (ClusterRoot.Seed seed : root.seeds()) {
        seedIds.put(document(seed.object()), identity(seed.object(), Substitution.NONE));
      }
      for (ClusterRoot.Seed seed : root.seeds()) {
        Substitution substitution =
            seed.applier()
                .map(a -> Substitution.of(((FluxKustomization) a.manifest()).postBuild()))
                .orElse(Substitution.NONE);
        Optional<ObjectId> owner =
            seed.applier()
                .map(a -> seedIds.getOrDefault(document(a), identity(a, Substitution.NONE)));
        Applied applied = applied(seed.object(), owner, substitution);
        rootIds.add(applied.id());
        if (seed.applier().isEmpty()) {
          objects.add(applied);
        }
        kustomization(applied, seed.object());
      }
      while (!pending.isEmpty()) {
        process(pending.poll());
      }
      return new Cluster(root, rootIds, objects, kustomizations, references, files, duplicates);
    }

    private static String document(Emitted object) {
      return object.file()
          + "#"
          + object.manifest().meta().document()
          + "#"
          + object.originalName();
    }

    /** Registers a Kustomization of the cluster and queues its build, once per identity. */
    private void kustomization(Applied applied, Emitted emitted) {
      if (kustomizations.containsKey(applied.id())) {
        return;
      }
      if (root.members().contains(RootFinder.key(emitted))) {
        rootIds.add(applied.id());
      }
      FluxKustomization kustomization = (FluxKustomization) applied.manifest();
      Optional<String> applierSource =
          applied
              .owner()
              .map(kustomizations::get)
              .flatMap(k -> k.kustomization().sourceRef())
              .map(r -> r.kindOr("GitRepository") + "/" + r.name().value());
      FluxBuilder.FluxBuild build =
          flux.build(
              kustomization,
              applied.id().namespace(),
              applied.file(),
              applied.substitution(),
              Optional.empty(),
              applierSource);
      builds.put(applied.id(), build);
      Optional<Decryption> decryption = kustomization.decryption();
      Optional<Origin> decryptionOrigin =
          applied
              .changedBy("spec.decryption")
              .or(() -> decryption.map(d -> new Origin(applied.file(), d.range())));
      AppliedKustomization result =
          new AppliedKustomization(
              applied,
              kustomization,
              build.folder(),
              status(build.status()),
              build.source(),
              decryption,
              decryptionOrigin,
              kustomization.postBuild(),
              Substitution.of(
                  kustomization.postBuild(),
                  applied.substitution(),
                  from -> variables(from, applied.id())));
      kustomizations.put(applied.id(), result);
      build.path().ifPresent(references::add);
      pending.add(result);
    }

    private BuildStatus status(FluxBuilder.Status status) {
      return switch (status) {
        case BUILT -> BuildStatus.BUILT;
        case EXTERNAL -> BuildStatus.EXTERNAL;
        case UNKNOWN -> BuildStatus.UNKNOWN;
        case UNRESOLVED -> BuildStatus.UNRESOLVED;
        case MISSING -> BuildStatus.MISSING;
      };
    }

    private void process(AppliedKustomization kustomization) {
      FluxBuilder.FluxBuild build = builds.get(kustomization.id());
      if (build.status() != FluxBuilder.Status.BUILT) {
        return;
      }
      files.addAll(build.build().files());
      files.addAll(build.build().dataFiles());
      references.addAll(build.build().references());
      Substitution substitution = kustomization.substitution();
      for (KustomizeBuild.Duplicate duplicate : build.build().duplicates()) {
        Emitted first = duplicate.first();
        duplicates.add(
            new Cluster.BuildDuplicate(
                kustomization.id(),
                identity(first, substitution),
                new Origin(first.file(), first.manifest().meta().anchor()),
                new Origin(
                    duplicate.second().file(), duplicate.second().manifest().meta().anchor())));
      }
      List<Emitted> all = build.objects();
      List<Optional<ObjectId>> ids = new ArrayList<>();
      int direct = build.build().objects().size();
      for (int i = 0; i < all.size(); i++) {
        Emitted object = all.get(i);
        Optional<ObjectId> owner =
            i < direct
                ? Optional.of(kustomization.id())
                : ids.get(build.made().get(i - direct).creator());
        if (skipped(object)) {
          ids.add(Optional.empty());
          continue;
        }
        Applied applied = applied(object, owner, substitution);
        ids.add(Optional.of(applied.id()));
        objects.add(applied);
        remember(applied);
        if (applied.manifest() instanceof FluxKustomization) {
          kustomization(applied, object);
        }
      }
    }

    /**
     * kustomize-controller leaves out objects marked {@code reconcile: disabled} or {@code ssa:
     * Ignore}, as the operator marks what it generates (fluxcd/pkg {@code ssa/manager_apply.go}).
     */
    private static boolean skipped(Emitted object) {
      return "disabled".equalsIgnoreCase(object.annotations().get(RECONCILE))
          || "ignore".equalsIgnoreCase(object.annotations().get(SSA))
          || "disabled".equalsIgnoreCase(object.labels().get(RECONCILE));
    }

    private ObjectId identity(Emitted object, Substitution substitution) {
      String kind = object.kind();
      String namespace =
          scope.clusterScoped(kind) ? "" : substitution.apply(object.namespace().orElse(""));
      return new ObjectId(kind, namespace, substitution.apply(object.name()));
    }

    private Applied applied(Emitted object, Optional<ObjectId> owner, Substitution substitution) {
      return flux.kustomize()
          .applied(object, owner, substitution, () -> fresh(object, owner, substitution));
    }

    private Applied fresh(Emitted object, Optional<ObjectId> owner, Substitution substitution) {
      ObjectId id = identity(object, substitution);
      return new Applied(
          object.manifest(),
          object.file(),
          id,
          owner,
          substitution,
          dependencies(object.manifest(), id, object.file(), substitution),
          object.labels(),
          object.annotations(),
          object.changes(),
          object.opaque());
    }

    private List<Dependency> dependencies(
        Manifest manifest, ObjectId id, String file, Substitution substitution) {
      List<DependencyRef> refs;
      if (manifest instanceof FluxKustomization k) {
        refs = k.dependsOn();
      } else if (manifest instanceof HelmRelease h) {
        refs = h.dependsOn();
      } else {
        return List.of();
      }
      List<Dependency> result = new ArrayList<>();
      for (DependencyRef ref : refs) {
        String namespace =
            ref.namespace().map(n -> substitution.apply(n.value())).orElse(id.namespace());
        String name = substitution.apply(ref.name().value());
        result.add(new Dependency(id, ref, new ObjectId(id.kind(), namespace, name), file));
      }
      return result;
    }
  }
}
