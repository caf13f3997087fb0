package dev.strata.workspace;

import dev.strata.model.Severity;
import dev.strata.model.SopsConfig;
import dev.strata.model.StrataConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable view of one repository at one revision: every YAML file, the names of the other
 * files, the configuration and the render tree. {@link #withFile} and {@link #withoutFile} make the
 * next revision and share everything they do not change.
 */
public final class Snapshot {
  public static final String CONFIG_FILE = ".strata.yaml";

  private final long revision;
  private final Path root;
  private final NavigableMap<String, SourceFile> files;
  private final Set<String> otherFiles;
  private final NavigableMap<String, String> texts;
  private final DirectoryIndex directories;
  private final Map<String, Severity> severityOverrides;
  private final Optional<SourceFile> explicitConfig;
  private final StrataConfig config;
  private final List<SopsConfig> sopsConfigs;
  private final DiskLayout layout;
  private volatile RenderTree render;
  // The builds of the render of the snapshot this one was made from, until this one renders; then
  // this one's own, for the next.
  private volatile Renderer.Memo builds;
  private volatile int reusedBuilds;
  private volatile int computedSteps;
  private volatile int computedApplied;
  private volatile int carriedBuilds;
  // Likewise the clusters, reused where they render the same from the same files.
  private volatile List<Renderer.Kept> clusters = List.of();
  private volatile int reusedClusters;
  private volatile int renderedClusters;
  // What the analyses derive from the objects of renders, carried forward like the builds.
  private volatile Carried carried = new Carried();
  // The facts of single files that passes over every file read, carried forward by changed path.
  private volatile FileFacts facts = new FileFacts();

  private Snapshot(
      long revision,
      Path root,
      NavigableMap<String, SourceFile> files,
      Set<String> otherFiles,
      NavigableMap<String, String> texts,
      Derived previous,
      Map<String, Severity> severityOverrides,
      Optional<SourceFile> explicitConfig,
      DiskLayout layout) {
    this.revision = revision;
    this.layout = layout;
    this.root = root;
    this.files = files;
    this.otherFiles = otherFiles;
    this.texts = texts;
    if (previous.samePaths()) {
      this.directories = previous.directories();
    } else {
      List<String> all = new ArrayList<>(files.keySet());
      all.addAll(otherFiles);
      this.directories =
          previous.directories() != null && previous.directories().sameFiles(all)
              ? previous.directories()
              : new DirectoryIndex(all);
    }
    this.severityOverrides = Map.copyOf(severityOverrides);
    this.explicitConfig = explicitConfig;
    this.config =
        readConfig(explicitConfig.orElse(files.get(CONFIG_FILE))).withSeverities(severityOverrides);
    this.sopsConfigs =
        previous.sopsConfigs() != null ? previous.sopsConfigs() : readSopsConfigs(files.values());
  }

  /**
   * What a new snapshot may take from the one it is made from instead of deriving it from all its
   * files again: the folder index, as is when the caller knows the paths are the same ({@code
   * samePaths}) or to be checked against them, and the SOPS configurations when no file of a
   * configuration's name changed. At 20,000 files deriving both took 10 ms of every edit, on the
   * writer thread that a request about the edited document waits for.
   */
  private record Derived(
      DirectoryIndex directories, boolean samePaths, List<SopsConfig> sopsConfigs) {
    static final Derived NONE = new Derived(null, false, null);
  }

  /** Everything of this snapshot's derived state, for a copy with the same files. */
  private Derived same() {
    return new Derived(directories, true, sopsConfigs);
  }

  /** This snapshot's derived state for a copy where the file at {@code path} changed. */
  private Derived changing(String path, boolean samePaths) {
    return new Derived(
        directories,
        samePaths,
        SopsConfig.isConfigName(SourceFile.nameOf(path)) ? null : sopsConfigs);
  }

  public static Snapshot of(
      Path root, Collection<SourceFile> files, Collection<String> otherFiles) {
    return of(root, files, otherFiles, Map.of());
  }

  /**
   * A snapshot that also keeps the text of some files that are not YAML ({@code texts}, by path):
   * the scripts, justfiles and Makefiles that say how a repository is bootstrapped and published.
   */
  public static Snapshot of(
      Path root,
      Collection<SourceFile> files,
      Collection<String> otherFiles,
      Map<String, String> texts) {
    Set<String> all = new HashSet<>(otherFiles);
    files.forEach(f -> all.add(f.path()));
    NavigableMap<String, SourceFile> map = new TreeMap<>();
    Set<String> others = new HashSet<>(otherFiles);
    for (SourceFile file : files) {
      if (isChartTemplate(file.path(), all::contains)) {
        others.add(file.path());
      } else {
        map.put(file.path(), file);
      }
    }
    return new Snapshot(
        0,
        root,
        map,
        Set.copyOf(others),
        new TreeMap<>(texts),
        Derived.NONE,
        Map.of(),
        Optional.empty(),
        DiskLayout.NONE);
  }

  /**
   * A file under the {@code templates/} folder of a Helm chart (a folder holding {@code
   * Chart.yaml}) is a Go template, not YAML, until Helm renders it: Strata keeps its name and never
   * parses it.
   */
  static boolean isChartTemplate(String path, java.util.function.Predicate<String> exists) {
    int index = path.indexOf("templates/");
    while (index >= 0) {
      if (index == 0 || path.charAt(index - 1) == '/') {
        String chart = index == 0 ? "" : path.substring(0, index - 1);
        if (exists.test(chart.isEmpty() ? "Chart.yaml" : chart + "/Chart.yaml")) {
          return true;
        }
      }
      index = path.indexOf("templates/", index + 1);
    }
    return false;
  }

  /**
   * A copy that reads its configuration from {@code config} instead of the root's {@code
   * .strata.yaml}.
   */
  public Snapshot withConfigFile(SourceFile config) {
    return new Snapshot(
        revision + 1,
        root,
        files,
        otherFiles,
        texts,
        same(),
        severityOverrides,
        Optional.of(config),
        layout);
  }

  /** The file the configuration comes from, relative to the root when it lies inside it. */
  public String configPath() {
    return explicitConfig.map(SourceFile::path).orElse(CONFIG_FILE);
  }

  public boolean hasConfigFile() {
    return explicitConfig.isPresent() || files.containsKey(CONFIG_FILE);
  }

  private static StrataConfig readConfig(SourceFile file) {
    return file == null ? StrataConfig.DEFAULT : StrataConfig.read(file.syntax());
  }

  private static List<SopsConfig> readSopsConfigs(Collection<SourceFile> files) {
    List<SopsConfig> result = new ArrayList<>();
    for (SourceFile file : files) {
      if (SopsConfig.isConfigName(file.name())) {
        result.add(SopsConfig.read(file.path(), file.syntax()));
      }
    }
    return result;
  }

  public Snapshot withFile(SourceFile file) {
    if (isChartTemplate(file.path(), this::exists)) {
      Set<String> others = new HashSet<>(otherFiles);
      others.add(file.path());
      return inheriting(
          new Snapshot(
              revision + 1,
              root,
              files,
              others,
              texts,
              changing(file.path(), otherFiles.contains(file.path())),
              severityOverrides,
              explicitConfig,
              layout),
          Set.of(file.path()));
    }
    boolean samePaths = files.containsKey(file.path());
    NavigableMap<String, SourceFile> next = new TreeMap<>(files);
    next.put(file.path(), file);
    return inheriting(
        new Snapshot(
            revision + 1,
            root,
            next,
            otherFiles,
            texts,
            changing(file.path(), samePaths),
            severityOverrides,
            explicitConfig,
            layout),
        Set.of(file.path()));
  }

  public Snapshot withoutFile(String path) {
    NavigableMap<String, SourceFile> next = new TreeMap<>(files);
    next.remove(path);
    Set<String> others = otherFiles;
    if (otherFiles.contains(path)) {
      others = new HashSet<>(otherFiles);
      others.remove(path);
    }
    return inheriting(
        new Snapshot(
            revision + 1,
            root,
            next,
            others,
            texts,
            changing(path, false),
            severityOverrides,
            explicitConfig,
            layout),
        Set.of(path));
  }

  public Snapshot withSeverityOverrides(Map<String, Severity> overrides) {
    return inheriting(
        new Snapshot(
            revision + 1,
            root,
            files,
            otherFiles,
            texts,
            same(),
            overrides,
            explicitConfig,
            layout),
        Set.of());
  }

  /**
   * A copy that knows what the loader saw of the disk beyond the files: their real paths where a
   * symbolic link inside the root reached them, and the folders it could not read.
   */
  public Snapshot withLayout(DiskLayout next) {
    return new Snapshot(
        revision, root, files, otherFiles, texts, same(), severityOverrides, explicitConfig, next);
  }

  public DiskLayout layout() {
    return layout;
  }

  public long revision() {
    return revision;
  }

  public Path root() {
    return root;
  }

  public Collection<SourceFile> files() {
    return files.values();
  }

  /**
   * The text of a file that is not YAML but says how the repository is bootstrapped or published (a
   * justfile, a Makefile, a shell script, a template, {@code .git/config}), by path.
   */
  public NavigableMap<String, String> texts() {
    return Collections.unmodifiableNavigableMap(texts);
  }

  public Optional<SourceFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public boolean exists(String path) {
    return directories.isFile(path) || directories.isDirectory(path);
  }

  public boolean isDirectory(String path) {
    return directories.isDirectory(path);
  }

  /** The files by path, shared with nothing that may change them. */
  NavigableMap<String, SourceFile> fileMap() {
    return files;
  }

  /**
   * What {@link #exists}, {@link #isDirectory}, {@link #filesIn} and {@link #directoriesIn} answer
   * from; a next snapshot that did not add or remove a path shares the instance.
   */
  DirectoryIndex directoryIndex() {
    return directories;
  }

  List<String> filesIn(String directory) {
    return directories.files(directory);
  }

  List<String> directoriesIn(String directory) {
    return directories.directories(directory);
  }

  public StrataConfig config() {
    return config;
  }

  public List<SopsConfig> sopsConfigs() {
    return sopsConfigs;
  }

  /**
   * The {@code .sops.yaml} nearest to a path: in its folder or the closest folder above, {@code
   * .sops.yaml} before {@code .sops.yml} in one folder, as sops looks upwards from where it runs.
   */
  public Optional<SopsConfig> sopsConfigFor(String path) {
    return sopsConfigs.stream()
        .filter(c -> c.directory().isEmpty() || path.startsWith(c.directory() + "/"))
        .max(
            java.util.Comparator.<SopsConfig>comparingInt(c -> c.directory().length())
                .thenComparing(c -> c.path().endsWith(".yaml")));
  }

  /** How many clusters this snapshot's render took from the one it was made from. */
  int reusedClusters() {
    render();
    return reusedClusters;
  }

  /** How many clusters this snapshot's render rendered rather than took untouched (for tests). */
  int renderedClusters() {
    render();
    return renderedClusters;
  }

  /** How many kustomize builds this snapshot's render took from the one it was made from. */
  int reusedBuilds() {
    render();
    return reusedBuilds;
  }

  /**
   * How many Flux Kustomization builds this snapshot's render carried from the one it was made from
   * rather than built again (for tests).
   */
  int carriedBuilds() {
    render();
    return carriedBuilds;
  }

  /**
   * How many patch and transformation results (namespace, prefix and suffix, replacements) this
   * snapshot's render computed rather than took from the previous render's.
   */
  int computedSteps() {
    render();
    return computedSteps;
  }

  /** How many applied objects this snapshot's render made rather than took from earlier renders. */
  int computedApplied() {
    render();
    return computedApplied;
  }

  /** How many kustomize builds this snapshot's render made or took. */
  int builds() {
    render();
    return builds.kustomize().size();
  }

  /**
   * The next revision starts from this one's builds, or from those this one inherited when it was
   * never rendered (a burst of edits): the builds its changes do not reach stay.
   */
  private Snapshot inheriting(Snapshot next, Set<String> changedPaths) {
    next.builds = builds;
    next.clusters = clusters;
    next.carried = carried.next();
    next.facts = facts.next(changedPaths);
    return next;
  }

  /**
   * The values of {@code compute}, a function of one file alone that {@code key} names, that are
   * not null, in the order of their files' paths. A snapshot made from another by changing files
   * computes it again for those files only ({@link FileFacts}), so that a pass over the files that
   * have a rare fact costs what they and the edit hold, not what the repository holds.
   */
  public <T> List<T> perFile(Object key, java.util.function.Function<SourceFile, T> compute) {
    return facts.get(key, files, compute);
  }

  /**
   * The lists {@code compute} makes that are not empty, in path order, as {@link #perFile} carries
   * them; each file also keeps its own list in its {@link FileMemo} under {@code key}, so that a
   * full pass (a fresh chain) computes it again for the changed files only.
   */
  public <T> List<List<T>> perFileList(
      Object key, java.util.function.Function<SourceFile, List<T>> compute) {
    return perFile(
        key,
        file -> {
          List<T> values = file.memo().get(key, () -> compute.apply(file));
          return values.isEmpty() ? null : values;
        });
  }

  /** The files {@code test} holds for, as {@link #perFile} carries them: {@code key} names it. */
  public List<SourceFile> filesWhere(Object key, java.util.function.Predicate<SourceFile> test) {
    return perFile(key, file -> test.test(file) ? file : null);
  }

  /** True once this snapshot is rendered, so that reading its render costs nothing. */
  public boolean rendered() {
    return render != null;
  }

  /** Values derived from the objects of this render, shared with the next snapshot's. */
  public Carried carried() {
    return carried;
  }

  public RenderTree render() {
    RenderTree result = render;
    if (result == null) {
      synchronized (this) {
        result = render;
        if (result == null) {
          Renderer renderer = new Renderer(this, builds, clusters);
          result = renderer.render();
          builds = renderer.memo();
          clusters = renderer.kept();
          reusedClusters = renderer.reusedClusters();
          reusedBuilds = renderer.reused();
          computedSteps = renderer.computedSteps();
          computedApplied = renderer.computedApplied();
          carriedBuilds = renderer.carriedBuilds();
          renderedClusters = renderer.renderedClusters();
          render = result;
        }
      }
    }
    return result;
  }

  public URI uri(String path) {
    return root.resolve(path).toUri();
  }

  /** The repository-relative path of a file URI, or empty when it lies outside this root. */
  public Optional<String> relativePath(URI uri) {
    try {
      Path path = Path.of(uri).normalize();
      if (!path.startsWith(root)) {
        return Optional.empty();
      }
      return Optional.of(root.relativize(path).toString().replace('\\', '/'));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }
}
