package dev.strata.workspace;

import dev.strata.model.FluxKustomization;
import dev.strata.model.Located;
import dev.strata.model.ObjectReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Flux Kustomization's build, as kustomize-controller makes it: find the artifact of its
 * source, resolve {@code spec.path} in it (empty is the artifact's root; it cannot climb out),
 * build that folder with what the controller writes into its root kustomization ({@code
 * targetNamespace}, {@code namePrefix}, {@code nameSuffix}, {@code patches}, {@code components}),
 * and add what controllers create from the result. A Kustomization of an external source builds
 * another project's artifact: nothing of this workspace.
 */
final class FluxBuilder {
  private final KustomizeBuilder kustomize;
  private final Created created;
  // The sources the resolver builds with (none), then those it resolved.
  private final Sources unresolved;
  private Sources sources;
  // The builds of this render: the root finder and every cluster build the same Kustomizations,
  // and what controllers create from a build is worked out once. Within one render the snapshot is
  // fixed, so a build is a function of its arguments and the sources.
  private final java.util.Map<Call, Done> done = new java.util.HashMap<>();
  // The previous render's builds, when this snapshot has its paths and folders.
  private final Memo inherited;
  private int carried;

  /**
   * The builds of one render, for the next. What a build is, besides its kustomize build and what
   * controllers create from that, is a function of its arguments (the Kustomization by instance,
   * which a file keeps while it is unchanged), the sources, and which paths and folders exist and
   * what the artifact holds. So while the next snapshot has the same paths and folders and its
   * sources come out the same, a build of the same arguments is the previous one, with its
   * kustomize build and expansion asked again of the builder's memo, which knows what the edit
   * reached. Immutable once the render is done.
   */
  static final class Memo {
    private final java.util.Map<Call, Done> done;
    private final Sources unresolved;
    private final Sources resolved;

    private Memo(java.util.Map<Call, Done> done, Sources unresolved, Sources resolved) {
      this.done = done;
      this.unresolved = unresolved;
      this.resolved = resolved;
    }
  }

  /**
   * A build with what its kustomize build was asked with: no artifact when it built nothing (its
   * status says why, a function of the arguments, the sources and the paths alone).
   */
  private record Done(FluxBuild build, Artifact artifact, String folder, FluxOverrides overrides) {
    static Done of(FluxBuild build) {
      return new Done(build, null, null, null);
    }
  }

  /** The arguments of one build; the Kustomization by identity (its document), not by value. */
  private record Call(
      Identity kustomization,
      String namespace,
      String file,
      Substitution substitution,
      Optional<Artifact> forced,
      Optional<String> applierSource,
      Identity sources) {}

  private record Identity(Object value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  /**
   * A builder that carries the builds of {@code previous} (the previous render's {@link #memo})
   * when the builder's snapshot has the same paths and folders as that render's.
   */
  FluxBuilder(KustomizeBuilder kustomize, Created created, Memo previous) {
    this.kustomize = kustomize;
    this.created = created;
    this.inherited = kustomize.changed().isPresent() ? previous : null;
    this.unresolved = inherited == null ? new Sources() : inherited.unresolved;
    this.sources = unresolved;
  }

  /**
   * Builds from here on with the {@code resolved} sources, or with the previous render's instance
   * when they are the same (which carries its builds): {@link #sources} says which.
   */
  void useSources(Sources resolved) {
    this.sources =
        inherited != null && inherited.resolved.sameAs(resolved) ? inherited.resolved : resolved;
  }

  /** This render's builds, for the next render's builder. */
  Memo memo() {
    return new Memo(java.util.Collections.unmodifiableMap(done), unresolved, sources);
  }

  /** How many builds this render took from the previous one's (for tests). */
  int carried() {
    return carried;
  }

  KustomizeBuilder kustomize() {
    return kustomize;
  }

  Sources sources() {
    return sources;
  }

  /** What became of a Kustomization's build. */
  enum Status {
    /** Built from this workspace. */
    BUILT,
    /** Its source is another project's: nothing here to build. */
    EXTERNAL,
    /** Its source is defined nowhere here and its path is not a folder here. */
    UNKNOWN,
    /** Its path still holds a variable nobody resolved. */
    UNRESOLVED,
    /** Its path does not name a folder of the artifact. */
    MISSING
  }

  /** The result: the build, what controllers create from it, and the spec.path as resolved. */
  record FluxBuild(
      Status status,
      Optional<RepositorySource> source,
      Optional<String> folder,
      Optional<PathReference> path,
      KustomizeBuild build,
      List<Created.Made> made) {
    static FluxBuild of(
        Status status, Optional<RepositorySource> source, Optional<PathReference> path) {
      return new FluxBuild(
          status,
          source,
          Optional.empty(),
          path,
          new KustomizeBuild(
              "", List.of(), List.of(), java.util.Set.of(), java.util.Set.of(), List.of()),
          List.of());
    }

    /** The build's objects followed by what controllers create from them. */
    List<Emitted> objects() {
      List<Emitted> all = new ArrayList<>(build.objects());
      made.forEach(m -> all.add(m.object()));
      return all;
    }
  }

  /**
   * Builds a Kustomization whose fields are already substituted by its applier ({@code
   * substitution}), in its effective {@code namespace}, defined in {@code file}.
   */
  FluxBuild build(
      FluxKustomization kustomization,
      String namespace,
      String file,
      Substitution substitution,
      Optional<Artifact> forced) {
    return build(kustomization, namespace, file, substitution, forced, Optional.empty());
  }

  /**
   * The same, for a Kustomization applied by another whose source is {@code applierSource} ({@code
   * Kind/name}): a source that no document defines is read as the repository only when it is the
   * applier's own, or the Kustomization is a root.
   */
  FluxBuild build(
      FluxKustomization kustomization,
      String namespace,
      String file,
      Substitution substitution,
      Optional<Artifact> forced,
      Optional<String> applierSource) {
    if (!kustomize.idle()) {
      // A build inside another records what it reads into the outer one: build it again.
      return uncached(kustomization, namespace, file, substitution, forced, applierSource).build();
    }
    Call call =
        new Call(
            new Identity(kustomization),
            namespace,
            file,
            substitution,
            forced,
            applierSource,
            new Identity(sources));
    Done known = done.get(call);
    if (known == null) {
      Done previous = inherited == null ? null : inherited.done.get(call);
      known =
          previous != null
              ? again(previous)
              : uncached(kustomization, namespace, file, substitution, forced, applierSource);
      done.put(call, known);
    }
    return known.build();
  }

  /**
   * The previous render's build of the same arguments, in this render: its kustomize build and
   * expansion asked of the builder again (the same instances where the edit did not reach them),
   * the rest as it was.
   */
  private Done again(Done previous) {
    carried++;
    if (previous.artifact() == null) {
      return previous;
    }
    FluxBuild old = previous.build();
    KustomizeBuild build =
        kustomize.build(previous.artifact(), previous.folder(), previous.overrides());
    List<Created.Made> made = kustomize.expansion(build, created);
    if (build == old.build() && made == old.made()) {
      return previous;
    }
    return new Done(
        new FluxBuild(old.status(), old.source(), old.folder(), old.path(), build, made),
        previous.artifact(),
        previous.folder(),
        previous.overrides());
  }

  private Done uncached(
      FluxKustomization kustomization,
      String namespace,
      String file,
      Substitution substitution,
      Optional<Artifact> forced,
      Optional<String> applierSource) {
    Optional<ObjectReference> ref = kustomization.sourceRef();
    Optional<Sources.Entry> entry =
        ref.map(
                r ->
                    sources.entry(
                        r.kindOr("GitRepository"),
                        substitution.apply(r.name().value()),
                        r.namespace().map(n -> substitution.apply(n.value())).orElse(namespace),
                        file))
            .orElse(Optional.empty());
    Optional<RepositorySource> source = entry.map(Sources.Entry::source);
    String written = kustomization.path().map(p -> substitution.apply(p.value())).orElse("");
    Located<String> at = kustomization.path().orElse(Located.of("", kustomization.meta().anchor()));
    if (forced.isEmpty() && source.isPresent() && !source.get().own()) {
      return Done.of(FluxBuild.of(Status.EXTERNAL, source, Optional.empty()));
    }
    if (Substitution.unresolved(written)) {
      return Done.of(FluxBuild.of(Status.UNRESOLVED, source, Optional.empty()));
    }
    Optional<Artifact> artifact = forced.or(() -> entry.flatMap(Sources.Entry::artifact));
    // A source that no document here defines (created at bootstrap, as flux bootstrap and Terraform
    // do) is read as the repository itself, except for the whole of it (an empty path), which is
    // what Kustomizations of other projects' artifacts build; a Kustomization without sourceRef
    // (which Flux rejects) is read as the repository's too.
    Optional<String> own =
        ref.map(r -> r.kindOr("GitRepository") + "/" + substitution.apply(r.name().value()));
    boolean whole = RepositoryPath.normalize(written).filter(String::isEmpty).isPresent();
    if (forced.isEmpty() && ref.isEmpty() && whole) {
      // No source and no path: Flux rejects the object, and it builds nothing.
      return Done.of(FluxBuild.of(Status.MISSING, source, Optional.empty()));
    }
    boolean unknown =
        forced.isEmpty()
            && entry.isEmpty()
            && ref.isPresent()
            && (whole || (applierSource.isPresent() && !applierSource.equals(own)));
    Artifact chosen = artifact.orElse(sources.workspace());
    Optional<String> folder = chosen.resolve(written);
    Snapshot snapshot = kustomize.snapshot();
    if (folder.isEmpty()) {
      return Done.of(
          FluxBuild.of(
              unknown ? Status.UNKNOWN : Status.MISSING,
              source,
              unknown
                  ? Optional.empty()
                  : Optional.of(
                      new PathReference(
                          file,
                          at.range(),
                          written,
                          "",
                          PathReference.Status.OUTSIDE_REPOSITORY))));
    }
    String path = folder.get();
    if (unknown) {
      return Done.of(FluxBuild.of(Status.UNKNOWN, source, Optional.empty()));
    }
    if (!snapshot.isDirectory(path) || !chosen.contains(path)) {
      PathReference.Status status =
          !snapshot.exists(path)
              ? PathReference.Status.MISSING
              : !chosen.contains(path)
                  ? PathReference.Status.EXCLUDED
                  : PathReference.Status.NOT_A_DIRECTORY;
      return Done.of(
          FluxBuild.of(
              Status.MISSING,
              source,
              Optional.of(new PathReference(file, at.range(), written, path, status))));
    }
    FluxOverrides overrides =
        new FluxOverrides(
            kustomization.targetNamespace().map(t -> substituted(t, substitution)),
            kustomization.namePrefix().map(t -> substituted(t, substitution)),
            kustomization.nameSuffix().map(t -> substituted(t, substitution)),
            kustomization.patches().stream().map(p -> new SourcedPatch(p, file)).toList(),
            kustomization.components(),
            file);
    KustomizeBuild build = kustomize.build(chosen, path, overrides);
    return new Done(
        new FluxBuild(
            Status.BUILT,
            source,
            folder,
            Optional.of(
                new PathReference(file, at.range(), written, path, PathReference.Status.FOUND)),
            build,
            kustomize.expansion(build, created)),
        chosen,
        path,
        overrides);
  }

  private static Located<String> substituted(Located<String> field, Substitution substitution) {
    return Located.of(substitution.apply(field.value()), field.range());
  }
}
