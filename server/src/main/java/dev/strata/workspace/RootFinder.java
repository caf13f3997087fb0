package dev.strata.workspace;

import dev.strata.model.FluxInstance;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds cluster roots the way Flux gets them: folders named in {@code .strata.yaml}; else the path
 * of a bootstrap {@code flux-system} Kustomization or of a FluxInstance's {@code sync.path} (also
 * inside the values of a flux-instance HelmRelease); else, only when neither exists, the files
 * holding Flux Kustomizations that no other Kustomization's folder contains, grouped by folder.
 */
final class RootFinder {
  private final Snapshot snapshot;
  private final Renderer renderer;

  RootFinder(Snapshot snapshot, Renderer renderer) {
    this.snapshot = snapshot;
    this.renderer = renderer;
  }

  List<ClusterRoot> roots() {
    if (!snapshot.config().roots().isEmpty()) {
      List<ClusterRoot> configured = new ArrayList<>();
      for (String root : snapshot.config().roots()) {
        RepositoryPath.normalize(root)
            .ifPresent(
                p ->
                    configured.add(
                        new ClusterRoot(
                            ClusterRoot.Kind.CONFIGURED,
                            p.isEmpty() ? "." : p,
                            Optional.of(p),
                            List.of(),
                            Optional.empty())));
      }
      return configured;
    }
    Map<String, ClusterRoot> folders = new TreeMap<>();
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        folderRoot(manifest, file.path()).ifPresent(root -> folders.putIfAbsent(root.name(), root));
      }
    }
    if (!folders.isEmpty()) {
      return List.copyOf(folders.values());
    }
    return unappliedRoots();
  }

  private Optional<ClusterRoot> folderRoot(Manifest manifest, String file) {
    Optional<Located<String>> path = Optional.empty();
    ClusterRoot.Kind kind = ClusterRoot.Kind.FLUX_INSTANCE;
    if (manifest instanceof FluxKustomization k
        && k.meta().nameText().equals("flux-system")
        && k.meta().namespaceText().orElse("").equals("flux-system")) {
      path = k.path();
      kind = ClusterRoot.Kind.BOOTSTRAP;
    } else if (manifest instanceof FluxInstance instance) {
      path = instance.syncPath();
    } else if (manifest instanceof HelmRelease release) {
      path = ManifestReader.instanceSyncPath(release);
    }
    if (path.isEmpty() || Substitution.unresolved(path.get().value())) {
      return Optional.empty();
    }
    Located<String> at = path.get();
    ClusterRoot.Kind rootKind = kind;
    return RepositoryPath.normalize(at.value())
        .map(
            p ->
                new ClusterRoot(
                    rootKind,
                    p.isEmpty() ? "." : p,
                    Optional.of(p),
                    List.of(),
                    Optional.of(new Origin(file, at.range()))));
  }

  /** Whether a Kustomization builds a folder of this repository rather than of another source. */
  private static boolean buildsHere(FluxKustomization k, Set<String> otherSources) {
    if (k.path().isEmpty() || Substitution.unresolved(k.path().get().value())) {
      return false;
    }
    return k.sourceRef()
        .map(
            s ->
                s.kindOr("GitRepository").equals("GitRepository")
                    && !otherSources.contains(s.name().value()))
        .orElse(true);
  }

  /**
   * GitRepositories defined here under another name than flux-system: sources of other
   * repositories.
   */
  private Set<String> otherGitRepositories() {
    Set<String> names = new HashSet<>();
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        if (manifest instanceof dev.strata.model.FluxSource source
            && source.kind().equals("GitRepository")
            && !source.meta().nameText().equals("flux-system")) {
          names.add(source.meta().nameText());
        }
      }
    }
    return names;
  }

  /**
   * A file beside a kustomization file that does not list it (a patch, a replacement source) is not
   * something anyone applies on its own.
   */
  private boolean hiddenByOverlay(String file) {
    String directory = SourceFile.directoryOf(file);
    Optional<String> overlay = renderer.kustomizationFile(directory);
    return overlay.isPresent() && !renderer.filesOf(directory).contains(file);
  }

  private List<ClusterRoot> unappliedRoots() {
    Map<String, FluxKustomization> byFile = new LinkedHashMap<>();
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        if (manifest instanceof FluxKustomization k) {
          byFile.putIfAbsent(file.path(), k);
        }
      }
    }
    Set<String> otherSources = otherGitRepositories();
    Set<String> contained = new HashSet<>();
    for (Map.Entry<String, FluxKustomization> entry : byFile.entrySet()) {
      for (Manifest manifest : snapshot.file(entry.getKey()).orElseThrow().manifests()) {
        if (manifest instanceof FluxKustomization k && buildsHere(k, otherSources)) {
          RepositoryPath.normalize(k.path().get().value())
              .filter(p -> !p.isEmpty())
              .ifPresent(p -> contained.addAll(renderer.filesOf(p)));
        }
      }
    }
    Map<String, List<String>> groups = new TreeMap<>();
    for (String file : byFile.keySet()) {
      if (!contained.contains(file) && !hiddenByOverlay(file)) {
        groups.computeIfAbsent(SourceFile.directoryOf(file), d -> new ArrayList<>()).add(file);
      }
    }
    List<ClusterRoot> roots = new ArrayList<>();
    groups.forEach(
        (folder, files) ->
            roots.add(
                new ClusterRoot(
                    ClusterRoot.Kind.UNAPPLIED,
                    folder.isEmpty() ? "." : folder,
                    Optional.empty(),
                    files,
                    Optional.empty())));
    return roots;
  }
}
