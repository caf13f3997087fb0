package dev.strata.workspace;

import dev.strata.model.DependencyRef;
import dev.strata.model.FluxKustomization;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.model.ObjectReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows Flux from each cluster root: a Kustomization's {@code spec.path} (with a generated
 * kustomization where the folder has none), kustomize {@code resources:} and {@code components:},
 * and the child Kustomizations found on the way, each built once per cluster.
 */
final class Renderer {
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterSecretStore",
          "ClusterExternalSecret",
          "StorageClass",
          "ClusterIssuer",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "PersistentVolume",
          "IngressClass",
          "PriorityClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "CSIDriver",
          "VolumeSnapshotClass",
          "APIService",
          "RuntimeClass",
          "ClusterPolicy",
          "FluxInstance");

  private final Snapshot snapshot;

  Renderer(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  RenderTree render() {
    List<Cluster> clusters = new ArrayList<>();
    Set<String> applied = new HashSet<>();
    for (ClusterRoot root : new RootFinder(snapshot, this).roots()) {
      ClusterBuild build = new ClusterBuild(root);
      clusters.add(build.run());
      applied.addAll(build.files);
    }
    return new RenderTree(clusters, applied);
  }

  Optional<String> kustomizationFile(String directory) {
    for (String name : ManifestReader.KUSTOMIZATION_FILE_NAMES) {
      String path = directory.isEmpty() ? name : directory + "/" + name;
      if (snapshot.file(path).isPresent()) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /** Files a folder contributes when built on its own, without following child Kustomizations. */
  Set<String> filesOf(String directory) {
    ClusterBuild build =
        new ClusterBuild(
            new ClusterRoot(
                ClusterRoot.Kind.UNAPPLIED, "", Optional.empty(), List.of(), Optional.empty()));
    build.followChildren = false;
    build.directory(directory, RenderContext.root(Optional.empty()), new HashSet<>());
    return build.files;
  }

  /** The render of one cluster, run breadth-first over Kustomizations to bound recursion. */
  private final class ClusterBuild {
    private final ClusterRoot root;
    private final List<Applied> objects = new ArrayList<>();
    private final Map<ObjectId, AppliedKustomization> kustomizations = new LinkedHashMap<>();
    private final Set<ObjectId> built = new HashSet<>();
    private final List<PathReference> references = new ArrayList<>();
    private final Set<String> files = new HashSet<>();
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private final Set<String> localSources = new HashSet<>(Set.of("flux-system"));
    private boolean followChildren = true;

    ClusterBuild(ClusterRoot root) {
      this.root = root;
      root.rootId().ifPresent(built::add);
    }

    Cluster run() {
      RenderContext context = RenderContext.root(root.rootId());
      if (root.path().isPresent()) {
        directory(root.path().get(), context, new HashSet<>());
      }
      for (String file : root.files()) {
        resourceFile(file, context);
      }
      while (!pending.isEmpty()) {
        pending.poll().run();
      }
      return new Cluster(root, objects, kustomizations, references);
    }

    void directory(String directory, RenderContext context, Set<String> stack) {
      Optional<String> overlay = kustomizationFile(directory);
      if (overlay.isPresent()) {
        overlay(overlay.get(), context, stack);
      } else {
        generated(directory, context, stack);
      }
    }

    /**
     * Flux's generated kustomization: every YAML file below, and each sub-folder with its own
     * kustomization as one unit.
     */
    private void generated(String directory, RenderContext context, Set<String> stack) {
      for (String file : snapshot.filesIn(directory)) {
        String name = SourceFile.nameOf(file);
        if (!name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          resourceFile(file, context);
        }
      }
      for (String child : snapshot.directoriesIn(directory)) {
        if (!SourceFile.nameOf(child).startsWith(".")) {
          directory(child, context, stack);
        }
      }
    }

    private void overlay(String path, RenderContext context, Set<String> stack) {
      String directory = SourceFile.directoryOf(path);
      if (!stack.add(directory)) {
        return;
      }
      files.add(path);
      Optional<KustomizeOverlay> overlay =
          snapshot.file(path).stream()
              .flatMap(f -> f.manifests().stream())
              .filter(KustomizeOverlay.class::isInstance)
              .map(KustomizeOverlay.class::cast)
              .findFirst();
      if (overlay.isPresent()) {
        KustomizeOverlay o = overlay.get();
        RenderContext inner =
            context
                .enterOverlay(
                    o.namespace().map(Located::value),
                    o.namePrefix().orElse(""),
                    o.nameSuffix().orElse(""))
                .withPatches(patches(path, directory, o));
        for (Located<String> resource : o.resources()) {
          entry(path, directory, resource, inner, stack, false);
        }
        for (Located<String> component : o.components()) {
          entry(path, directory, component, inner, stack, true);
        }
      }
      stack.remove(directory);
    }

    /** An overlay's inline patches and the patch files it names, read from the snapshot. */
    private List<SourcedPatch> patches(String path, String directory, KustomizeOverlay overlay) {
      List<SourcedPatch> result = new ArrayList<>();
      overlay.patches().forEach(patch -> result.add(new SourcedPatch(patch, path)));
      for (KustomizeOverlay.PatchFile file : overlay.patchFiles()) {
        RepositoryPath.resolve(directory, file.path().value())
            .flatMap(snapshot::file)
            .filter(f -> !f.syntax().documents().isEmpty())
            .map(
                f ->
                    ManifestReader.patch(
                        f.syntax().documents().get(0).root(), file.target(), file.path().range()))
            .ifPresent(patch -> result.add(new SourcedPatch(patch, path)));
      }
      return result;
    }

    private void entry(
        String file,
        String directory,
        Located<String> written,
        RenderContext context,
        Set<String> stack,
        boolean component) {
      String reference = written.value();
      if (RepositoryPath.isRemote(reference)) {
        references.add(
            new PathReference(file, written.range(), reference, "", PathReference.Status.REMOTE));
        return;
      }
      Optional<String> target = RepositoryPath.resolve(directory, reference);
      if (target.isEmpty()) {
        references.add(
            new PathReference(
                file, written.range(), reference, "", PathReference.Status.OUTSIDE_REPOSITORY));
        return;
      }
      String path = target.get();
      PathReference.Status status;
      if (!component && snapshot.file(path).isPresent()) {
        status = PathReference.Status.FOUND;
        resourceFile(path, context);
      } else if (snapshot.isDirectory(path)) {
        if (kustomizationFile(path).isPresent()) {
          status = PathReference.Status.FOUND;
          directory(path, context, stack);
        } else {
          status = PathReference.Status.NOT_A_KUSTOMIZATION;
        }
      } else {
        status = snapshot.exists(path) ? PathReference.Status.FOUND : PathReference.Status.MISSING;
      }
      references.add(new PathReference(file, written.range(), reference, path, status));
    }

    private void resourceFile(String path, RenderContext context) {
      Optional<SourceFile> file = snapshot.file(path);
      if (file.isEmpty()) {
        return;
      }
      files.add(path);
      for (Manifest manifest : file.get().manifests()) {
        if (!(manifest instanceof KustomizeOverlay)) {
          apply(manifest, path, context);
        }
      }
    }

    private void apply(Manifest manifest, String file, RenderContext context) {
      ObjectId id = identity(manifest, context);
      Applied applied =
          new Applied(
              manifest,
              file,
              id,
              context.ownerId(),
              context.substitution(),
              dependencies(manifest, id, file, context));
      objects.add(applied);
      if (manifest instanceof FluxSource source
          && source.kind().equals("GitRepository")
          && id.name().equals("flux-system")) {
        localSources.add(id.name());
      }
      if (manifest instanceof FluxKustomization kustomization) {
        kustomization(applied, kustomization, context);
      }
    }

    private ObjectId identity(Manifest manifest, RenderContext context) {
      String kind = manifest.kind();
      String namespace =
          CLUSTER_SCOPED.contains(kind)
              ? ""
              : context.namespace().or(manifest.meta()::namespaceText).orElse("");
      String name = context.prefix() + manifest.meta().nameText() + context.suffix();
      Substitution substitution = context.substitution();
      return new ObjectId(kind, substitution.apply(namespace), substitution.apply(name));
    }

    private List<Dependency> dependencies(
        Manifest manifest, ObjectId id, String file, RenderContext context) {
      List<DependencyRef> refs;
      if (manifest instanceof FluxKustomization k) {
        refs = k.dependsOn();
      } else if (manifest instanceof HelmRelease h) {
        refs = h.dependsOn();
      } else {
        return List.of();
      }
      List<Dependency> result = new ArrayList<>();
      Substitution substitution = context.substitution();
      for (DependencyRef ref : refs) {
        String namespace =
            ref.namespace().map(n -> substitution.apply(n.value())).orElse(id.namespace());
        String name = substitution.apply(ref.name().value());
        result.add(new Dependency(id, ref, new ObjectId(id.kind(), namespace, name), file));
      }
      return result;
    }

    private void kustomization(
        Applied applied, FluxKustomization kustomization, RenderContext context) {
      Patched patched =
          new ParentPatches(context.owner(), context.overlayPatches(), applied)
              .apply(kustomization);
      if (context.ownerId().isEmpty()) {
        kustomization
            .sourceRef()
            .ifPresent(s -> localSources.add(applied.substituted(s.name().value())));
      }
      boolean external = isExternal(kustomization, applied);
      Optional<String> path = Optional.empty();
      if (!external) {
        String written = kustomization.path().map(p -> applied.substituted(p.value())).orElse("");
        path = RepositoryPath.normalize(written);
        Located<String> at = kustomization.path().orElse(Located.of("", applied.meta().anchor()));
        if (Substitution.unresolved(written)) {
          path = Optional.empty();
        } else if (path.isEmpty()) {
          references.add(
              new PathReference(
                  applied.file(),
                  at.range(),
                  written,
                  "",
                  PathReference.Status.OUTSIDE_REPOSITORY));
        } else if (!snapshot.isDirectory(path.get())) {
          boolean isFile = snapshot.exists(path.get());
          references.add(
              new PathReference(
                  applied.file(),
                  at.range(),
                  written,
                  path.get(),
                  isFile ? PathReference.Status.NOT_A_DIRECTORY : PathReference.Status.MISSING));
          path = Optional.empty();
        } else {
          references.add(
              new PathReference(
                  applied.file(), at.range(), written, path.get(), PathReference.Status.FOUND));
        }
      }
      AppliedKustomization result =
          new AppliedKustomization(
              applied,
              kustomization,
              path,
              patched.decryption(),
              patched.decryptionOrigin(),
              patched.postBuild(),
              external);
      kustomizations.putIfAbsent(applied.id(), result);
      if (!followChildren || !built.add(applied.id()) || path.isEmpty()) {
        return;
      }
      String folder = path.get();
      Optional<String> targetNamespace =
          kustomization.targetNamespace().map(t -> applied.substituted(t.value()));
      pending.add(
          () -> {
            RenderContext inner = RenderContext.of(result, targetNamespace);
            directory(folder, inner, new HashSet<>());
            for (Located<String> component : kustomization.components()) {
              entry(applied.file(), folder, component, inner, new HashSet<>(), true);
            }
          });
    }

    /** A source this repository is not the artifact of: its paths cannot be checked here. */
    private boolean isExternal(FluxKustomization kustomization, Applied applied) {
      Optional<ObjectReference> source = kustomization.sourceRef();
      if (source.isEmpty()) {
        return false;
      }
      String kind = source.get().kindOr("GitRepository");
      String name = applied.substituted(source.get().name().value());
      return !kind.equals("GitRepository") || !localSources.contains(name);
    }
  }

  /** Name of the chart or sync path used to spot the flux-instance HelmRelease. */
  static Optional<Located<String>> instancePath(HelmRelease release) {
    return ManifestReader.instanceSyncPath(release);
  }
}
