package dev.strata.workspace;

import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.model.Patch;
import dev.strata.model.PatchTarget;
import dev.strata.model.Replacement;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds folders as kustomize does, one immutable {@link KustomizeBuild} per folder of an artifact,
 * kept for as long as the builder lives. Within one kustomization: resources (folders built
 * completely first), generators, components (which share the accumulated objects), then the
 * transformers in kustomize's order: patches, namespace, name prefix and suffix, labels,
 * replacements (kubernetes-sigs/kustomize {@code api/internal/target/kusttarget.go} {@code
 * accumulateTarget}, {@code kusttarget_configplugin.go}). A folder without a kustomization file is
 * built the way kustomize-controller generates one: every {@code .yaml}/{@code .yml} file below,
 * with each sub-folder that holds a kustomization file as one unit (fluxcd/pkg {@code
 * kustomize/kustomize_generator.go} {@code scanManifests}). Not thread-safe: one builder serves one
 * render.
 */
final class KustomizeBuilder {
  private final Snapshot snapshot;
  private final Scope scope;
  private final Map<Key, Memo.Entry> memo = new HashMap<>();
  private final Memo inherited;
  // The builds under way, innermost last: each read counts for all of them.
  private final java.util.Deque<Frame> active = new java.util.ArrayDeque<>();

  /**
   * A build under way: what it reads, the folders it builds as units of its own (whose builds are
   * part of it), the patch results it computed itself and the documents it took in.
   */
  private record Frame(BuildReads reads, List<Key> parts, List<Link> links, List<Emitted> entered) {
    Frame() {
      this(new BuildReads(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * One step offered to one object, and what came out: a patch ({@link SourcedPatch}) or one of the
   * transformations of {@link Step}.
   */
  private record Link(Emitted object, Object step, Optional<Emitted> result) {
    /**
     * A patch is the same step when it is the same patch instance from the same file (a file's
     * documents keep their instances while it is unchanged, and a deep comparison of patch bodies
     * costs what applying them does); any other step when it is equal.
     */
    boolean takes(Object wanted) {
      if (step instanceof SourcedPatch mine) {
        return wanted instanceof SourcedPatch patch
            && mine.patch() == patch.patch()
            && mine.file().equals(patch.file());
      }
      return step.equals(wanted);
    }
  }

  /**
   * The transformations of a kustomization besides patches, each a function of the object and of
   * the values here alone (kubernetes-sigs/kustomize {@code api/filters/namespace}, {@code prefix},
   * {@code suffix} and {@code replacement}): memoised per object instance, so that an object a
   * rebuilt folder takes in unchanged comes out as the same instance, and what the builds around it
   * apply to it next (a Flux Kustomization's {@code patches}) is found in the memo too.
   */
  private sealed interface Step {
    record Namespaced(String namespace, Origin origin) implements Step {}

    record Renamed(String prefix, String suffix, Origin origin) implements Step {}

    record Replaced(Replacement.Target target, String value, Origin origin) implements Step {}
  }

  /**
   * A build's identity. The hash is computed once ({@link #of}), since a build call looks its key
   * up three or four times, and on where the patches are written rather than on their bodies: equal
   * keys have equal ranges, and a deep hash of every patch body cost a tenth of an edit's render.
   */
  private record Key(Artifact artifact, String folder, FluxOverrides overrides, int hash) {
    static Key of(Artifact artifact, String folder, FluxOverrides overrides) {
      int hash = 31 * artifact.hashCode() + folder.hashCode();
      hash = 31 * hash + overrides.componentsFile().hashCode();
      for (SourcedPatch patch : overrides.patches()) {
        hash = 31 * hash + patch.file().hashCode();
        hash = 31 * hash + patch.patch().range().hashCode();
      }
      return new Key(artifact, folder, overrides, hash);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && hash == key.hash
          && folder.equals(key.folder)
          && (artifact == key.artifact || artifact.equals(key.artifact))
          && (overrides == key.overrides || overrides.equals(key.overrides));
    }
  }

  /**
   * The builds of one render, for the next snapshot's render to reuse where nothing they read has
   * changed. Immutable once the render is done.
   */
  static final class Memo {
    /**
     * A build, what it read, the builds it holds as units ({@code parts}), the patch results it
     * computed and the documents it took in: a build taken whole from the previous render brings
     * its parts, their patch results and their documents along, for the render after, which may
     * rebuild this build and reuse its parts.
     */
    record Entry(
        KustomizeBuild build,
        BuildReads reads,
        List<Key> parts,
        List<Link> links,
        List<Emitted> entered) {}

    private final Scope scope;
    private final Map<Key, Entry> entries;
    private final NavigableMap<String, SourceFile> files;
    private final DirectoryIndex directories;

    private final Map<KustomizeBuild, Expansion> expansions;
    private final Layer layer;
    private final Map<Emitted, AppliedAs> applied;

    private Memo(
        Scope scope,
        Map<Key, Entry> entries,
        Map<KustomizeBuild, Expansion> expansions,
        Layer layer,
        Map<Emitted, AppliedAs> applied,
        Snapshot snapshot) {
      this.scope = scope;
      this.entries = entries;
      this.expansions = expansions;
      this.layer = layer;
      this.applied = applied;
      this.files = snapshot.fileMap();
      this.directories = snapshot.directoryIndex();
    }

    /**
     * The paths whose file differs between this memo's snapshot and {@code next} (changed, added or
     * removed), when the two share their paths and folders; empty when they do not, and every
     * build's reads must then be asked one by one.
     */
    Optional<Set<String>> changedIn(Snapshot next) {
      if (next.directoryIndex() != directories) {
        return Optional.empty();
      }
      NavigableMap<String, SourceFile> now = next.fileMap();
      if (now == files) {
        return Optional.of(Set.of());
      }
      Set<String> changed = new HashSet<>();
      for (Map.Entry<String, SourceFile> entry : now.entrySet()) {
        if (files.get(entry.getKey()) != entry.getValue()) {
          changed.add(entry.getKey());
        }
      }
      for (String path : files.keySet()) {
        if (!now.containsKey(path)) {
          changed.add(path);
        }
      }
      return Optional.of(changed);
    }

    int size() {
      return entries.size();
    }
  }

  KustomizeBuilder(Snapshot snapshot, Scope scope) {
    this(snapshot, scope, null);
  }

  /** A builder that reuses the builds of {@code previous} whose reads answer the same here. */
  KustomizeBuilder(Snapshot snapshot, Scope scope, Memo previous) {
    this.snapshot = snapshot;
    this.scope = scope;
    this.inherited = previous != null && previous.scope.equals(scope) ? previous : null;
    this.changed = inherited == null ? Optional.empty() : inherited.changedIn(snapshot);
    this.flattening = inherited == null || inherited.layer.depth() + 1 >= DEPTH;
    this.applied = new IdentityHashMap<>(inherited == null ? 32 : inherited.applied.size());
  }

  /** The files changed since the inherited memo's snapshot, when nothing else changed. */
  private final Optional<Set<String>> changed;

  /**
   * The paths whose file differs from the inherited memo's snapshot, when that memo is inherited
   * and the two snapshots share their paths and folders; empty otherwise.
   */
  Optional<Set<String>> changed() {
    return changed;
  }

  /**
   * The patch results and entered documents of one render ({@link #patched}, {@link #entered}) over
   * those of the renders before it. Both are pure functions of their keys (an object instance and a
   * step, a document instance), so what an earlier render found holds in every later one. A build
   * taken whole from the previous render keeps its results where they are, below, instead of
   * copying them up (which was a tenth of a kochhaus render); every {@value #DEPTH}th render copies
   * what its builds hold into one layer again, so that the chain, and what the results of edited
   * files hold on to, stay bounded.
   */
  private record Layer(
      Map<Emitted, Patched> patched, Map<Manifest, Emitted> entered, Layer base, int depth) {
    Emitted entered(Manifest manifest) {
      for (Layer layer = this; layer != null; layer = layer.base) {
        Emitted known = layer.entered.get(manifest);
        if (known != null) {
          return known;
        }
      }
      return null;
    }

    Optional<Link> find(Emitted object, Object step) {
      for (Layer layer = this; layer != null; layer = layer.base) {
        Patched known = layer.patched.get(object);
        Optional<Link> link = known == null ? Optional.empty() : known.find(step);
        if (link.isPresent()) {
          return link;
        }
      }
      return Optional.empty();
    }
  }

  static final int DEPTH = 8;

  // True when this render's layer stands alone: adopted builds bring their results into it.
  private final boolean flattening;

  /**
   * This render's builds, for the next snapshot. The render is over: the memo takes this builder's
   * maps as they are (copying them cost a fortieth of a kochhaus edit), and the builder refuses to
   * build again, which would change them under the next render.
   */
  Memo memo() {
    over = true;
    return new Memo(
        scope,
        Collections.unmodifiableMap(memo),
        Collections.unmodifiableMap(expansions),
        new Layer(
            Collections.unmodifiableMap(patched),
            Collections.unmodifiableMap(entered),
            flattening ? null : inherited.layer,
            flattening ? 0 : inherited.layer.depth() + 1),
        Collections.unmodifiableMap(applied),
        snapshot);
  }

  private boolean over;

  /**
   * What each patch made of each object it was offered, kept across renders: {@link Patcher#apply}
   * and the target test read nothing but the object and the patch, so an object instance that a
   * reused build hands out again, offered the same patch instance (its file unchanged), comes out
   * as before. This is what keeps an edit of one application's file from re-patching every
   * Kustomization that a Flux Kustomization's {@code patches} reach through the same build. The
   * next memo keeps only what this render asked for.
   */
  private final Map<Emitted, Patched> patched = new IdentityHashMap<>();

  /** The results of the patches offered to one object, newest first; an object meets few. */
  private record Patched(Link link, Patched next) {
    Optional<Link> find(Object wanted) {
      for (Patched p = this; p != null; p = p.next) {
        if (p.link.takes(wanted)) {
          return Optional.of(p.link);
        }
      }
      return Optional.empty();
    }
  }

  /** The object after {@code sourced}: itself when the patch does not target it, or none. */
  private Optional<Emitted> patched(Emitted object, SourcedPatch sourced) {
    return stepped(
        object,
        sourced,
        () ->
            targets(sourced.patch(), object)
                ? Patcher.apply(object, sourced)
                : Optional.of(object));
  }

  /**
   * The object after a transformation step that always leaves one object, memoised only in a build
   * that is part of another: there the result meets the outer build's patches, which find it by
   * instance. What a build's own last steps make leaves the build, and nothing looks it up by
   * instance after that (its expansion is kept per build): memoising those too held 1.9 MB more at
   * 20,000 files, one entry per object of every Flux Kustomization with a {@code targetNamespace}.
   */
  private Emitted stepped(Emitted object, Step step, UnaryOperator<Emitted> change) {
    if (active.size() < 2) {
      return change.apply(object);
    }
    return stepped(object, step, () -> Optional.of(change.apply(object))).orElseThrow();
  }

  /** The object after {@code step}, from this render's memo or the previous one's, or computed. */
  private Optional<Emitted> stepped(
      Emitted object, Object step, Supplier<Optional<Emitted>> compute) {
    Patched mine = patched.get(object);
    Optional<Link> known = mine == null ? Optional.empty() : mine.find(step);
    if (known.isEmpty() && inherited != null) {
      known = inherited.layer.find(object, step);
    }
    Link link =
        known.orElseGet(
            () -> {
              computedSteps++;
              return new Link(object, step, compute.get());
            });
    remember(link);
    if (!active.isEmpty()) {
      active.getLast().links().add(link);
    }
    return link.result();
  }

  private int computedSteps;

  /** How many patch and transformation results this render computed rather than reused. */
  int computedSteps() {
    return computedSteps;
  }

  private void remember(Link link) {
    Patched mine = patched.get(link.object());
    if (mine == null || mine.find(link.step()).isEmpty()) {
      patched.put(link.object(), new Patched(link, mine));
    }
  }

  private final Map<KustomizeBuild, Expansion> expansions = new IdentityHashMap<>();

  // Each object as the clusters of this render apply it (Renderer), for the next render. Not
  // layered: a cluster that renders again applies every object of it again, so this render's map
  // holds all of them (a layer of it per render held every object eight times); those of a cluster
  // taken whole are made again when it next renders.
  private final Map<Emitted, AppliedAs> applied;

  /**
   * The ways one object was applied, newest first: a cluster renders twice when its variables come
   * from its own ConfigMaps, first without them, and an object may be applied by more than one
   * Kustomization; a few are kept.
   */
  private record AppliedAs(Applied applied, AppliedAs next) {
    static final int MAX = 4;

    Applied find(Optional<ObjectId> owner, Substitution substitution) {
      for (AppliedAs a = this; a != null; a = a.next) {
        if (a.applied.owner().equals(owner) && a.applied.substitution().equals(substitution)) {
          return a.applied;
        }
      }
      return null;
    }

    /** {@code added} (which {@code known} did not hold) before its newest, {@link #MAX} in all. */
    static AppliedAs with(AppliedAs known, Applied added) {
      return new AppliedAs(added, first(known, MAX - 1));
    }

    private static AppliedAs first(AppliedAs list, int count) {
      return list == null || count == 0
          ? null
          : new AppliedAs(list.applied, first(list.next, count - 1));
    }
  }

  private int computedApplied;

  /**
   * An object as a cluster applies it, owned by {@code owner} and substituted with {@code
   * substitution}: the instance an earlier render made of the same object instance with the same
   * owner and substitution, else {@code compute}'s. What {@code compute} makes reads nothing else
   * but the object and the scope, which an inherited memo shares; a build taken whole hands out its
   * objects as the same instances, so an edit makes new applied objects only for what it reaches.
   */
  Applied applied(
      Emitted object,
      Optional<ObjectId> owner,
      Substitution substitution,
      Supplier<Applied> compute) {
    AppliedAs mine = applied.get(object);
    Applied known = mine == null ? null : mine.find(owner, substitution);
    if (known != null) {
      return known;
    }
    if (inherited != null) {
      AppliedAs theirs = inherited.applied.get(object);
      known = theirs == null ? null : theirs.find(owner, substitution);
    }
    if (known == null) {
      known = compute.get();
      computedApplied++;
    }
    applied.put(object, AppliedAs.with(mine, known));
    return known;
  }

  /** How many applied objects this render made rather than reused (for tests). */
  int computedApplied() {
    return computedApplied;
  }

  /**
   * What controllers create from a build's objects ({@link Created#expand}), once per build
   * instance: a build this render took from the previous one read the same files, generator data
   * included, so what its objects create is the same too, and keeps its instances.
   */
  List<Created.Made> expansion(KustomizeBuild build, Created created) {
    Expansion known = expansions.get(build);
    if (known == null && inherited != null) {
      known = inherited.expansions.get(build);
      if (known != null && !known.data().sameIn(snapshot)) {
        known = null;
      }
    }
    if (known == null) {
      List<Created.Made> made = created.expand(build.objects());
      if (made.isEmpty() && build.dataFiles().isEmpty()) {
        known = Expansion.NONE;
      } else {
        BuildReads data = new BuildReads();
        build.dataFiles().forEach(path -> data.file(path, snapshot.file(path)));
        known = new Expansion(List.copyOf(made), data);
      }
    }
    expansions.put(build, known);
    return known.made();
  }

  /**
   * An expansion and the generator data files it may have read (a flux-instance chart's values from
   * a ConfigMap's file), which the build itself reads only as paths.
   */
  private record Expansion(List<Created.Made> made, BuildReads data) {
    /** Nothing created and no data read, as for most builds: one instance for all of them. */
    static final Expansion NONE = new Expansion(List.of(), new BuildReads());
  }

  /**
   * Each document's object as it enters a build, one instance per document for as long as its file
   * is unchanged, across renders: a component's documents join every build that includes it, and
   * the patches then applied to them are memoised by object instance ({@link #patched}).
   */
  private final Map<Manifest, Emitted> entered = new IdentityHashMap<>();

  private Emitted emitted(Manifest manifest, String path) {
    Emitted known = entered.get(manifest);
    if (known == null && inherited != null) {
      known = inherited.layer.entered(manifest);
    }
    if (known == null || !known.file().equals(path)) {
      known = Emitted.of(manifest, path);
    }
    entered.put(manifest, known);
    if (!active.isEmpty()) {
      active.getLast().entered().add(known);
    }
    return known;
  }

  /** How many builds this render took from the previous one (for tests and figures). */
  int reused() {
    return reused;
  }

  private int reused;

  Snapshot snapshot() {
    return snapshot;
  }

  /** True when no build is under way, so that nothing records what a build now reads. */
  boolean idle() {
    return active.isEmpty();
  }

  Scope scope() {
    return scope;
  }

  /** The build of a folder of an artifact, with what kustomize-controller writes into it. */
  KustomizeBuild build(Artifact artifact, String folder, FluxOverrides overrides) {
    if (over) {
      throw new IllegalStateException("the render is over: its memo belongs to the next one");
    }
    Key key = Key.of(artifact, folder, overrides);
    if (recording != null && active.isEmpty()) {
      recording.add(key);
    }
    Memo.Entry known = memo.get(key);
    if (known == null && inherited != null) {
      Memo.Entry previous = inherited.entries.get(key);
      if (previous != null
          && changed
              .map(c -> previous.reads().untouchedBy(c))
              .orElseGet(() -> previous.reads().sameIn(snapshot))) {
        known = previous;
        adopt(key, known);
      }
    }
    if (!active.isEmpty()) {
      active.getLast().parts().add(key);
    }
    if (known != null) {
      for (Frame outer : active) {
        outer.reads().addAll(known.reads());
      }
      return known.build();
    }
    Frame frame = new Frame();
    BuildReads reads = frame.reads();
    active.addLast(frame);
    KustomizeBuild result;
    try {
      Accumulator acc = new Accumulator();
      Set<String> stack = new HashSet<>();
      stack.add(folder);
      layer(artifact, folder, overrides, acc, stack, true);
      markDuplicates(acc);
      result =
          new KustomizeBuild(
              folder, acc.objects, acc.references, acc.files, acc.dataFiles, acc.duplicates);
    } finally {
      active.removeLast();
    }
    for (Frame outer : active) {
      outer.reads().addAll(reads);
    }
    memo.put(
        key,
        new Memo.Entry(result, reads, List.copyOf(frame.parts()), frame.links(), frame.entered()));
    return result;
  }

  // The builds asked for from outside while a cluster renders, for {@link #keep}.
  private List<Object> recording;

  /** Records into {@code builds} every build asked for until {@link #stopRecording}. */
  void record(List<Object> builds) {
    recording = builds;
  }

  void stopRecording() {
    recording = null;
  }

  /**
   * Takes into this render's memo the builds of the previous render that a cluster taken without
   * rendering asked for ({@link #record}), where the edit left their reads untouched: the next
   * render, which may render that cluster again, finds them.
   */
  void keep(List<Object> builds) {
    if (inherited == null || changed.isEmpty()) {
      return;
    }
    for (Object build : builds) {
      Key key = (Key) build;
      Memo.Entry entry = inherited.entries.get(key);
      if (entry != null && entry.reads().untouchedBy(changed.get())) {
        adopt(key, entry);
      }
    }
  }

  /**
   * Takes a build of the previous render into this one's memo with its parts and their patch
   * results: their reads are among the build's, so they hold as it does. Without this, a build
   * taken whole would drop its parts from the memo, and the next render, rebuilding it for an edit
   * in one part, would rebuild all the others. The patch results and documents stay in the layer
   * below unless this render flattens the chain ({@link Layer}).
   */
  private void adopt(Key key, Memo.Entry entry) {
    if (memo.putIfAbsent(key, entry) != null) {
      return;
    }
    reused++;
    if (flattening) {
      for (Emitted object : entry.entered()) {
        entered.putIfAbsent(object.manifest(), object);
      }
      for (Link link : entry.links()) {
        remember(link);
      }
    }
    for (Key part : entry.parts()) {
      Memo.Entry known = inherited.entries.get(part);
      if (known != null) {
        adopt(part, known);
      }
    }
  }

  // Every question a build asks of the snapshot, recorded for the builds under way.

  private Optional<SourceFile> file(String path) {
    Optional<SourceFile> file = snapshot.file(path);
    active.forEach(f -> f.reads().file(path, file));
    return file;
  }

  private boolean exists(String path) {
    boolean answer = snapshot.exists(path);
    active.forEach(f -> f.reads().exists(path, answer));
    return answer;
  }

  private boolean isDirectory(String path) {
    boolean answer = snapshot.isDirectory(path);
    active.forEach(f -> f.reads().directory(path, answer));
    return answer;
  }

  private List<String> filesIn(String folder) {
    List<String> paths = snapshot.filesIn(folder);
    active.forEach(f -> f.reads().filesIn(folder, paths));
    return paths;
  }

  private List<String> directoriesIn(String folder) {
    List<String> paths = snapshot.directoriesIn(folder);
    active.forEach(f -> f.reads().directoriesIn(folder, paths));
    return paths;
  }

  /** The kustomization file of a folder, in the order kustomize looks for one. */
  Optional<String> kustomizationFile(String folder) {
    for (String name : ManifestReader.KUSTOMIZATION_FILE_NAMES) {
      String path = folder.isEmpty() ? name : folder + "/" + name;
      if (file(path).isPresent()) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  Optional<KustomizeOverlay> overlay(String file) {
    return file(file).stream()
        .flatMap(f -> f.manifests().stream())
        .filter(KustomizeOverlay.class::isInstance)
        .map(KustomizeOverlay.class::cast)
        .findFirst();
  }

  /** What one kustomization layer adds to, and does to, the objects accumulated so far. */
  private static final class Accumulator {
    final List<Emitted> objects = new ArrayList<>();
    final List<PathReference> references = new ArrayList<>();
    final Set<String> files = new LinkedHashSet<>();
    final Set<String> dataFiles = new LinkedHashSet<>();
    final List<KustomizeBuild.Duplicate> duplicates = new ArrayList<>();

    void add(Emitted object) {
      objects.add(object);
    }

    void addAll(KustomizeBuild build) {
      objects.addAll(build.objects());
      references.addAll(build.references());
      files.addAll(build.files());
      dataFiles.addAll(build.dataFiles());
      duplicates.addAll(build.duplicates());
    }
  }

  private void layer(
      Artifact artifact,
      String folder,
      FluxOverrides overrides,
      Accumulator acc,
      Set<String> stack,
      boolean top) {
    Optional<String> file = kustomizationFile(folder).filter(artifact::contains);
    if (file.isEmpty()) {
      if (top) {
        generated(artifact, folder, acc, stack);
        components(
            artifact, folder, overrides.components(), overrides.componentsFile(), acc, stack);
        transform(artifact, folder, Optional.empty(), overrides, acc);
      }
      return;
    }
    acc.files.add(file.get());
    Optional<KustomizeOverlay> overlay = overlay(file.get());
    if (overlay.isEmpty()) {
      return;
    }
    KustomizeOverlay o = overlay.get();
    for (Located<String> resource : o.resources()) {
      resource(artifact, folder, file.get(), resource, acc, stack);
    }
    generators(folder, file.get(), o, acc);
    components(artifact, folder, o.components(), file.get(), acc, stack);
    components(artifact, folder, overrides.components(), overrides.componentsFile(), acc, stack);
    transform(artifact, folder, Optional.of(new Written(file.get(), o)), overrides, acc);
  }

  /** A kustomization file and its content, for the transformers of its layer. */
  private record Written(String file, KustomizeOverlay overlay) {}

  /** Flux's generated kustomization: every YAML file below, sub-kustomizations as units. */
  private void generated(Artifact artifact, String folder, Accumulator acc, Set<String> stack) {
    for (String path : filesIn(folder)) {
      String name = SourceFile.nameOf(path);
      if ((name.endsWith(".yaml") || name.endsWith(".yml")) && artifact.contains(path)) {
        documents(path, acc);
      }
    }
    for (String child : directoriesIn(folder)) {
      if (!artifact.contains(child)) {
        continue;
      }
      if (kustomizationFile(child).filter(artifact::contains).isPresent()) {
        if (stack.add(child)) {
          acc.addAll(build(artifact, child, FluxOverrides.NONE));
          stack.remove(child);
        }
      } else {
        generated(artifact, child, acc, stack);
      }
    }
  }

  private void documents(String path, Accumulator acc) {
    Optional<SourceFile> source = file(path);
    if (source.isEmpty()) {
      return;
    }
    acc.files.add(path);
    for (Manifest manifest : source.get().manifests()) {
      if (!(manifest instanceof KustomizeOverlay)) {
        acc.add(emitted(manifest, path));
      }
    }
  }

  private void resource(
      Artifact artifact,
      String folder,
      String file,
      Located<String> written,
      Accumulator acc,
      Set<String> stack) {
    String reference = written.value();
    if (RepositoryPath.isRemote(reference)) {
      acc.references.add(
          new PathReference(file, written.range(), reference, "", PathReference.Status.REMOTE));
      return;
    }
    Optional<String> target = RepositoryPath.resolve(folder, reference);
    if (target.isEmpty() || !artifact.covers(target.get())) {
      acc.references.add(
          new PathReference(
              file, written.range(), reference, "", PathReference.Status.OUTSIDE_REPOSITORY));
      return;
    }
    String path = target.get();
    PathReference.Status status;
    if (!exists(path)) {
      status = PathReference.Status.MISSING;
    } else if (!artifact.contains(path)) {
      status = PathReference.Status.EXCLUDED;
    } else if (!isDirectory(path)) {
      status = PathReference.Status.FOUND;
      documents(path, acc);
    } else if (kustomizationFile(path).filter(artifact::contains).isEmpty()) {
      status = PathReference.Status.NOT_A_KUSTOMIZATION;
    } else {
      status = PathReference.Status.FOUND;
      if (stack.add(path)) {
        acc.addAll(build(artifact, path, FluxOverrides.NONE));
        stack.remove(path);
      }
    }
    acc.references.add(new PathReference(file, written.range(), reference, path, status));
  }

  /**
   * Components share the accumulated objects: their resources join them, and their transformers
   * apply to all of them, before the including layer's own transformers.
   */
  private void components(
      Artifact artifact,
      String folder,
      List<Located<String>> components,
      String file,
      Accumulator acc,
      Set<String> stack) {
    for (Located<String> written : components) {
      String reference = written.value();
      if (RepositoryPath.isRemote(reference)) {
        acc.references.add(
            new PathReference(file, written.range(), reference, "", PathReference.Status.REMOTE));
        continue;
      }
      Optional<String> target = RepositoryPath.resolve(folder, reference);
      if (target.isEmpty() || !artifact.covers(target.get())) {
        acc.references.add(
            new PathReference(
                file, written.range(), reference, "", PathReference.Status.OUTSIDE_REPOSITORY));
        continue;
      }
      String path = target.get();
      Optional<String> componentFile = kustomizationFile(path).filter(artifact::contains);
      PathReference.Status status;
      if (!exists(path)) {
        status = PathReference.Status.MISSING;
      } else if (!artifact.contains(path)) {
        status = PathReference.Status.EXCLUDED;
      } else if (!isDirectory(path)) {
        status = PathReference.Status.NOT_A_DIRECTORY;
      } else if (componentFile.isEmpty()) {
        status = PathReference.Status.NOT_A_KUSTOMIZATION;
      } else {
        status = PathReference.Status.FOUND;
        if (stack.add(path)) {
          component(artifact, path, componentFile.get(), acc, stack);
          stack.remove(path);
        }
      }
      acc.references.add(new PathReference(file, written.range(), reference, path, status));
    }
  }

  private void component(
      Artifact artifact, String folder, String file, Accumulator acc, Set<String> stack) {
    acc.files.add(file);
    Optional<KustomizeOverlay> overlay = overlay(file);
    if (overlay.isEmpty()) {
      return;
    }
    KustomizeOverlay o = overlay.get();
    for (Located<String> resource : o.resources()) {
      resource(artifact, folder, file, resource, acc, stack);
    }
    generators(folder, file, o, acc);
    components(artifact, folder, o.components(), file, acc, stack);
    transform(artifact, folder, Optional.of(new Written(file, o)), FluxOverrides.NONE, acc);
  }

  /** ConfigMaps and Secrets made by generators: names as written, keys without values. */
  private void generators(String folder, String file, KustomizeOverlay overlay, Accumulator acc) {
    for (KustomizeOverlay.GeneratedConfigMap map : overlay.configMapGenerator()) {
      Map<String, String> data = new LinkedHashMap<>(map.literals());
      Map<String, String> dataFiles = new LinkedHashMap<>();
      map.files()
          .forEach(
              (key, path) ->
                  RepositoryPath.resolve(folder, path.value())
                      .ifPresent(
                          p -> {
                            dataFiles.put(key, p);
                            acc.dataFiles.add(p);
                            data.putIfAbsent(key, "");
                          }));
      for (Located<String> env : map.envs()) {
        RepositoryPath.resolve(folder, env.value()).ifPresent(acc.dataFiles::add);
      }
      generated(
              "v1", "ConfigMap", map.name(), map.namespace(), data, file, overlay.meta().document())
          .map(e -> e.withData(dataFiles))
          .ifPresent(e -> generate(acc, e, map.behavior(), new Origin(file, map.name().range())));
    }
    for (KustomizeOverlay.GeneratedSecret secret : overlay.secretGenerator()) {
      Map<String, String> keys = new LinkedHashMap<>();
      secret.literalKeys().forEach(k -> keys.put(k.value(), ""));
      for (Located<String> input : secret.files()) {
        String value = input.value();
        int equals = value.indexOf('=');
        String path = equals > 0 ? value.substring(equals + 1) : value;
        RepositoryPath.resolve(folder, path).ifPresent(acc.dataFiles::add);
      }
      generated(
              "v1",
              "Secret",
              secret.name(),
              secret.namespace(),
              Map.of(),
              file,
              overlay.meta().document())
          .ifPresent(
              e -> generate(acc, e, secret.behavior(), new Origin(file, secret.name().range())));
    }
  }

  /**
   * A generator's object joins the build; with {@code behavior: merge} or {@code replace} it merges
   * into, or replaces, the object of that kind, name and namespace already there, as kustomize's
   * {@code AbsorbAll} does ({@code api/resmap/reswrangler.go}), rather than being a second copy.
   * Merged keys are not followed: the earlier object stands for both, with its {@code data}
   * recorded as set by the generator.
   */
  private static void generate(Accumulator acc, Emitted generated, String behavior, Origin origin) {
    if (behavior.equals("merge") || behavior.equals("replace")) {
      for (int i = 0; i < acc.objects.size(); i++) {
        Emitted existing = acc.objects.get(i);
        if (existing.kind().equals(generated.kind())
            && existing.manifest().meta().group().isEmpty()
            && existing.name().equals(generated.name())
            && (generated.namespace().isEmpty()
                || generated.namespace().equals(existing.namespace()))) {
          acc.objects.set(
              i, behavior.equals("replace") ? generated : existing.touched("data", origin));
          return;
        }
      }
    }
    acc.add(generated);
  }

  /**
   * A generated object as a document of its own, written at the generator entry: the reader sees it
   * as it sees any other ConfigMap or Secret, and no value of a Secret is ever part of it.
   */
  private static Optional<Emitted> generated(
      String apiVersion,
      String kind,
      Located<String> name,
      Optional<Located<String>> namespace,
      Map<String, String> data,
      String file,
      int document) {
    StringBuilder text = new StringBuilder();
    text.append("apiVersion: ").append(apiVersion).append('\n');
    text.append("kind: ").append(kind).append('\n');
    text.append("metadata:\n  name: ").append(Synthetic.quote(name.value())).append('\n');
    namespace.ifPresent(
        n -> text.append("  namespace: ").append(Synthetic.quote(n.value())).append('\n'));
    if (!data.isEmpty()) {
      text.append("data:\n");
      data.forEach(
          (k, v) ->
              text.append("  ")
                  .append(Synthetic.quote(k))
                  .append(": ")
                  .append(Synthetic.quote(v))
                  .append('\n'));
    }
    return Synthetic.manifest(text.toString(), name.range(), document)
        .map(m -> Emitted.of(m, file));
  }

  private void transform(
      Artifact artifact,
      String folder,
      Optional<Written> written,
      FluxOverrides overrides,
      Accumulator acc) {
    List<SourcedPatch> patches = new ArrayList<>();
    if (written.isPresent()) {
      KustomizeOverlay overlay = written.get().overlay();
      for (KustomizeOverlay.PatchFile patchFile : overlay.patchFiles()) {
        patches.addAll(patchFile(artifact, folder, written.get().file(), patchFile, acc));
      }
      overlay.patches().forEach(p -> patches.add(new SourcedPatch(p, written.get().file())));
    }
    patches.addAll(overrides.patches());
    for (SourcedPatch patch : patches) {
      patch(patch, acc);
    }
    Optional<Origin> namespace =
        overrides
            .namespace()
            .map(n -> at(overrides.componentsFile(), n))
            .or(() -> written.flatMap(w -> w.overlay().namespace().map(n -> at(w.file(), n))));
    Optional<String> namespaceValue =
        overrides
            .namespace()
            .or(() -> written.flatMap(w -> w.overlay().namespace()))
            .map(Located::value);
    namespaceValue.ifPresent(
        n -> {
          Step step = new Step.Namespaced(n, namespace.get());
          replaceAll(acc, e -> stepped(e, step, o -> namespaced(o, n, namespace.get())));
        });
    Optional<Origin> prefix =
        overrides
            .prefix()
            .map(p -> at(overrides.componentsFile(), p))
            .or(() -> written.flatMap(w -> w.overlay().namePrefix().map(p -> at(w.file(), p))));
    Optional<Origin> suffix =
        overrides
            .suffix()
            .map(p -> at(overrides.componentsFile(), p))
            .or(() -> written.flatMap(w -> w.overlay().nameSuffix().map(p -> at(w.file(), p))));
    String prefixValue =
        overrides
            .prefix()
            .or(() -> written.flatMap(w -> w.overlay().namePrefix()))
            .map(Located::value)
            .orElse("");
    String suffixValue =
        overrides
            .suffix()
            .or(() -> written.flatMap(w -> w.overlay().nameSuffix()))
            .map(Located::value)
            .orElse("");
    if (!prefixValue.isEmpty() || !suffixValue.isEmpty()) {
      Origin origin = prefix.filter(p -> !prefixValue.isEmpty()).orElseGet(suffix::get);
      Step step = new Step.Renamed(prefixValue, suffixValue, origin);
      replaceAll(acc, e -> stepped(e, step, o -> renamed(o, prefixValue, suffixValue, origin)));
    }
    if (written.isEmpty()) {
      return;
    }
    KustomizeOverlay overlay = written.get().overlay();
    for (KustomizeOverlay.LabelSet labels : overlay.labels()) {
      Origin origin = new Origin(written.get().file(), labels.range());
      replaceAll(acc, e -> e.labelled(labels.pairs()).touched("metadata.labels", origin));
    }
    for (KustomizeOverlay.LabelSet annotations : overlay.annotations()) {
      Origin origin = new Origin(written.get().file(), annotations.range());
      replaceAll(
          acc, e -> e.annotated(annotations.pairs()).touched("metadata.annotations", origin));
    }
    List<Replacement> replacements = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    for (Replacement replacement : overlay.replacements()) {
      replacements.add(replacement);
      origins.add(new Origin(written.get().file(), replacement.range()));
    }
    for (Located<String> path : overlay.replacementFiles()) {
      Optional<String> target = RepositoryPath.resolve(folder, path.value());
      if (target.isEmpty() || file(target.get()).isEmpty()) {
        acc.references.add(
            new PathReference(
                written.get().file(),
                path.range(),
                path.value(),
                target.orElse(""),
                target.isEmpty()
                    ? PathReference.Status.OUTSIDE_REPOSITORY
                    : PathReference.Status.MISSING));
        continue;
      }
      acc.files.add(target.get());
      acc.references.add(
          new PathReference(
              written.get().file(),
              path.range(),
              path.value(),
              target.get(),
              PathReference.Status.FOUND));
      for (YamlDocument document : file(target.get()).get().syntax().documents()) {
        List<Replacement> read = ManifestReader.replacements(document.root());
        if (read.isEmpty() && document.root().isPresent()) {
          read =
              ManifestReader.replacements(
                  Optional.of(
                      new dev.strata.syntax.YamlSequence(
                          List.of(document.root().get()), false, document.range())));
        }
        for (Replacement replacement : read) {
          replacements.add(replacement);
          origins.add(new Origin(target.get(), replacement.range()));
        }
      }
    }
    for (int i = 0; i < replacements.size(); i++) {
      Replacement replacement = replacements.get(i);
      Origin origin = origins.get(i);
      Optional<String> value = Replacer.sourceValue(acc.objects, replacement.source());
      if (value.isEmpty()) {
        continue;
      }
      for (Replacement.Target target : replacement.targets()) {
        Step step = new Step.Replaced(target, value.get(), origin);
        replaceAll(
            acc, e -> stepped(e, step, o -> Replacer.replaced(o, target, value.get(), origin)));
      }
    }
    if (!overlay.unmodelled().isEmpty()) {
      replaceAll(acc, Emitted::madeOpaque);
    }
  }

  private List<SourcedPatch> patchFile(
      Artifact artifact,
      String folder,
      String file,
      KustomizeOverlay.PatchFile patchFile,
      Accumulator acc) {
    Optional<String> target = RepositoryPath.resolve(folder, patchFile.path().value());
    if (target.isEmpty() || !artifact.covers(target.get())) {
      acc.references.add(
          new PathReference(
              file,
              patchFile.path().range(),
              patchFile.path().value(),
              "",
              PathReference.Status.OUTSIDE_REPOSITORY));
      return List.of();
    }
    Optional<SourceFile> source = file(target.get());
    if (source.isEmpty()) {
      acc.references.add(
          new PathReference(
              file,
              patchFile.path().range(),
              patchFile.path().value(),
              target.get(),
              exists(target.get()) ? PathReference.Status.FOUND : PathReference.Status.MISSING));
      return List.of();
    }
    acc.files.add(target.get());
    acc.references.add(
        new PathReference(
            file,
            patchFile.path().range(),
            patchFile.path().value(),
            target.get(),
            PathReference.Status.FOUND));
    List<SourcedPatch> result = new ArrayList<>();
    for (YamlDocument document : source.get().syntax().documents()) {
      if (document.root().isPresent()) {
        Patch patch =
            ManifestReader.patch(document.root(), patchFile.target(), patchFile.path().range());
        result.add(new SourcedPatch(patch, file));
      }
    }
    return result;
  }

  private void patch(SourcedPatch sourced, Accumulator acc) {
    List<Emitted> result = new ArrayList<>();
    for (Emitted object : acc.objects) {
      patched(object, sourced).ifPresent(result::add);
    }
    acc.objects.clear();
    acc.objects.addAll(result);
  }

  private static boolean targets(Patch patch, Emitted object) {
    if (!patch.target().equals(PatchTarget.ANY)) {
      return Selector.selects(patch.target(), object, true);
    }
    if (patch.merge().isEmpty()) {
      return false;
    }
    YamlMapping body = patch.merge().get();
    Optional<String> kind = scalar(body, "kind");
    Optional<YamlMapping> metadata =
        body.get("metadata").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    Optional<String> name = metadata.flatMap(m -> scalar(m, "name"));
    Optional<String> namespace = metadata.flatMap(m -> scalar(m, "namespace"));
    return kind.map(object.kind()::equals).orElse(false)
        && name.map(n -> n.equals(object.name()) || n.equals(object.originalName())).orElse(false)
        && namespace.map(n -> n.equals(object.namespace().orElse(n))).orElse(true);
  }

  private static Optional<String> scalar(YamlMapping mapping, String key) {
    return mapping.get(key).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).value());
  }

  private static Origin at(String file, Located<String> field) {
    return new Origin(file, field.range());
  }

  private Emitted namespaced(Emitted object, String namespace, Origin origin) {
    if (object.kind().equals("Namespace") && object.manifest().meta().group().isEmpty()) {
      return object.named(namespace).touched("metadata.name", origin);
    }
    return scope.clusterScoped(object.kind())
        ? object
        : object.inNamespace(namespace).touched("metadata.namespace", origin);
  }

  private static Emitted renamed(Emitted object, String prefix, String suffix, Origin origin) {
    String kind = object.kind();
    if (kind.equals("CustomResourceDefinition")
        || kind.equals("Namespace")
        || (kind.equals("APIService")
            && object.manifest().meta().group().equals("apiregistration.k8s.io"))) {
      return object;
    }
    return object.named(prefix + object.name() + suffix).touched("metadata.name", origin);
  }

  private static void replaceAll(
      Accumulator acc, java.util.function.UnaryOperator<Emitted> change) {
    acc.objects.replaceAll(change);
  }

  /**
   * kustomize refuses a second object with the same group, version, kind, namespace and name
   * ({@code api/resmap/reswrangler.go} {@code Append}, "may not add resource with an already
   * registered id"); an unset namespace counts as {@code default} and a cluster-scoped kind has
   * none ({@code kyaml/resid/resid.go} {@code EffectiveNamespace}).
   */
  private void markDuplicates(Accumulator acc) {
    Map<String, Emitted> seen = new HashMap<>();
    for (Emitted object : acc.objects) {
      String namespace =
          scope.clusterScoped(object.kind()) ? "" : object.namespace().orElse("default");
      String id =
          object.manifest().meta().apiVersion().value()
              + "/"
              + object.kind()
              + "/"
              + (namespace.isEmpty() && !scope.clusterScoped(object.kind()) ? "default" : namespace)
              + "/"
              + object.name();
      Emitted first = seen.putIfAbsent(id, object);
      if (first != null) {
        acc.duplicates.add(new KustomizeBuild.Duplicate(first, object));
      }
    }
  }
}
