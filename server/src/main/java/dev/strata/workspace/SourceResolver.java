package dev.strata.workspace;

import dev.strata.model.ArtifactGenerator;
import dev.strata.model.FluxInstance;
import dev.strata.model.FluxKustomization;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.ResourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which sources are this repository's own, whatever their names. A source is own when it is
 * the sync source of a FluxInstance; when {@code .strata.yaml} names the folder its artifact is
 * made of; when its URL is one of the checkout's git remotes or another own source's; when a CI
 * command pushes its artifact from a folder here; or when a Kustomization of it builds the folder
 * that holds that Kustomization's own definition (a self-applying root, as {@code flux bootstrap}
 * and {@code kubectl apply -k} layouts make). Every other source is another project's.
 */
final class SourceResolver {
  private static final Set<String> ARTIFACT_KINDS =
      Set.of("GitRepository", "OCIRepository", "Bucket", "ExternalArtifact");

  private final Snapshot snapshot;
  private final FluxBuilder builder;
  private final Created created;
  private final Publications publications;

  /** A source document, or one a FluxInstance makes, before it is judged. */
  private static final class Candidate {
    final ObjectId id;
    final Optional<String> namespace;
    final Optional<String> url;
    final Optional<Located<String>> ignore;
    final Optional<Origin> origin;
    boolean own;
    Optional<String> root = Optional.empty();
    Optional<Artifact> artifact = Optional.empty();
    String reason = "";

    Candidate(
        ObjectId id,
        Optional<String> namespace,
        Optional<String> url,
        Optional<Located<String>> ignore,
        Optional<Origin> origin) {
      this.id = id;
      this.namespace = namespace;
      this.url = url;
      this.ignore = ignore;
      this.origin = origin;
    }

    void own(Optional<String> folder, String why) {
      if (!own) {
        own = true;
        root = folder;
        reason = why;
      }
    }
  }

  SourceResolver(
      Snapshot snapshot, FluxBuilder builder, Created created, Publications publications) {
    this.snapshot = snapshot;
    this.builder = builder;
    this.created = created;
    this.publications = publications;
  }

  Sources resolve() {
    List<Candidate> candidates = new ArrayList<>();
    List<Emitted> kustomizations = new ArrayList<>();
    for (Found found : snapshot.perFile(FOUND, this::contributing)) {
      found.candidates().forEach(c -> candidates.add(c.candidate()));
      kustomizations.addAll(found.kustomizations());
    }
    // A FluxInstance may live in the values a kustomization generates for a HelmRelease: build
    // every kustomization folder once to find it in the context of its ConfigMaps.
    for (SourceFile file :
        snapshot.filesWhere(
            KUSTOMIZATION_FILES,
            f -> dev.strata.model.ManifestReader.isKustomizationFile(f.path()))) {
      KustomizeBuild build =
          builder.kustomize().build(Artifact.WORKSPACE, file.directory(), FluxOverrides.NONE);
      for (Created.Made made : builder.kustomize().expansion(build, created)) {
        if (made.object().manifest() instanceof FluxInstance) {
          List<Seed> seeds = new ArrayList<>();
          collect(made.object(), seeds, kustomizations, 0);
          seeds.forEach(c -> candidates.add(c.candidate()));
        }
      }
    }
    Map<String, String> configured = snapshot.config().sources();
    for (Candidate candidate : candidates) {
      String folder = configured.get(candidate.id.name());
      if (folder != null) {
        candidate.own(
            RepositoryPath.normalize(folder),
            ".strata.yaml says its artifact is made of " + (folder.isEmpty() ? "." : folder));
      }
      candidate.url.ifPresent(
          url -> {
            if (publications.remotes().contains(url)) {
              candidate.own(Optional.of(""), "its URL is a remote of this checkout (.git/config)");
            }
            for (Publications.Push push : publications.pushes()) {
              if (push.url().filter(url::equals).isPresent()) {
                candidate.own(
                    Optional.of(push.folder()),
                    "its artifact is pushed from " + push.folder() + " (" + push.file() + ")");
              }
            }
          });
    }
    for (int round = 0; round < 4; round++) {
      boolean changed = sameUrl(candidates);
      changed |= selfApplying(candidates, kustomizations);
      if (!changed) {
        break;
      }
    }
    for (Candidate candidate : candidates) {
      if (candidate.own && candidate.root.isEmpty()) {
        candidate.root = Optional.of(folderOf(candidate, kustomizations));
      }
    }
    generated(candidates);
    Sources sources = new Sources();
    Candidate repository =
        new Candidate(
            new ObjectId("GitRepository", "", ""),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    repository.root = Optional.of("");
    sources.useWorkspace(Artifact.of("", ignore(repository)));
    for (Candidate candidate : candidates) {
      Optional<Artifact> artifact =
          candidate.own
              ? candidate.artifact.or(
                  () -> Optional.of(Artifact.of(candidate.root.orElse(""), ignore(candidate))))
              : Optional.empty();
      String reason =
          candidate.own
              ? candidate.reason
              : "no structure makes it this repository's: its Kustomizations build another"
                  + " project's artifact";
      sources.add(
          new RepositorySource(
              candidate.id,
              candidate.url,
              candidate.own,
              candidate.root,
              reason,
              candidate.origin,
              !candidate.own && (crdsOnly(candidate.ignore) || fluxItself(candidate.url))),
          artifact,
          candidate.namespace);
    }
    return sources;
  }

  /**
   * A candidate as one file's documents give it, before any render judges it: {@code own} holds why
   * it is own by definition (a FluxInstance's sync source), when it is.
   */
  private record Seed(
      ObjectId id,
      Optional<String> namespace,
      Optional<String> url,
      Optional<Located<String>> ignore,
      Optional<Origin> origin,
      Optional<String> own) {
    Candidate candidate() {
      Candidate candidate = new Candidate(id, namespace, url, ignore, origin);
      own.ifPresent(why -> candidate.own(Optional.empty(), why));
      return candidate;
    }
  }

  /** What one file's documents hold for the resolver, kept in the file's memo. */
  private record Found(List<Seed> candidates, List<Emitted> kustomizations) {
    static final Found NONE = new Found(List.of(), List.of());
  }

  private static final Object FOUND = new Object();
  private static final Object KUSTOMIZATION_FILES = new Object();

  /** What one file holds for the resolver, or null when it holds nothing (most files). */
  private Found contributing(SourceFile file) {
    Found found = file.memo().get(FOUND, () -> found(file));
    return found.candidates().isEmpty() && found.kustomizations().isEmpty() ? null : found;
  }

  /**
   * The candidates and Kustomizations of one file's documents (none when no document of it may
   * contribute): a function of the file alone, since what a FluxInstance, a HelmRelease's inline
   * instance values and a ResourceSet's inline inputs make reads nothing else (a HelmRelease alone
   * is its build, so no ConfigMap's values are read).
   */
  private Found found(SourceFile file) {
    if (!file.manifests().stream().anyMatch(SourceResolver::mayContribute)) {
      return Found.NONE;
    }
    List<Seed> seeds = new ArrayList<>();
    List<Emitted> kustomizations = new ArrayList<>();
    for (Manifest manifest : file.manifests()) {
      collect(Emitted.of(manifest, file.path()), seeds, kustomizations, 0);
    }
    return seeds.isEmpty() && kustomizations.isEmpty()
        ? Found.NONE
        : new Found(List.copyOf(seeds), List.copyOf(kustomizations));
  }

  /**
   * True when {@link #collect} may find something in this document: only these files are kept in
   * the memo, which a repository of tens of thousands of files would otherwise fill with nothing.
   */
  private static boolean mayContribute(Manifest manifest) {
    return manifest instanceof FluxSource source && ARTIFACT_KINDS.contains(source.kind())
        || manifest instanceof FluxKustomization
        || manifest instanceof FluxInstance
        || manifest instanceof ResourceSet
        || manifest instanceof HelmRelease;
  }

  /**
   * Source documents, FluxInstance sync sources (own by definition), and every Kustomization,
   * including those a FluxInstance or a ResourceSet of a document makes.
   */
  private void collect(
      Emitted object, List<Seed> candidates, List<Emitted> kustomizations, int depth) {
    Manifest manifest = object.manifest();
    if (manifest instanceof FluxSource source && ARTIFACT_KINDS.contains(source.kind())) {
      candidates.add(
          new Seed(
              new ObjectId(source.kind(), object.namespace().orElse(""), object.name()),
              object.namespace(),
              source.url().map(Located::value).flatMap(SourceUrl::normalize),
              source.ignore(),
              Optional.of(new Origin(object.file(), manifest.meta().anchor())),
              Optional.empty()));
    } else if (manifest instanceof FluxKustomization) {
      kustomizations.add(object);
    }
    if (depth > 4) {
      return;
    }
    List<Emitted> made = new ArrayList<>();
    if (manifest instanceof FluxInstance instance) {
      made.addAll(created.sync(instance, object.namespace().orElse("flux-system"), object.file()));
      made.forEach(
          m -> {
            if (m.manifest() instanceof FluxSource) {
              candidates.add(
                  new Seed(
                      new ObjectId(m.kind(), m.namespace().orElse(""), m.name()),
                      m.namespace(),
                      ((FluxSource) m.manifest())
                          .url()
                          .map(Located::value)
                          .flatMap(SourceUrl::normalize),
                      Optional.empty(),
                      Optional.of(new Origin(m.file(), instance.meta().anchor())),
                      Optional.of(
                          "it is the sync source of the FluxInstance in " + object.file())));
            }
          });
      made.removeIf(m -> m.manifest() instanceof FluxSource);
    } else if (manifest instanceof HelmRelease release) {
      String namespace =
          release
              .targetNamespace()
              .map(Located::value)
              .orElse(object.namespace().orElse("flux-system"));
      created
          .instance(release, List.of(object), namespace)
          .ifPresent(i -> made.add(Emitted.of(i.instance(), i.file()).inNamespace(namespace)));
    } else if (manifest instanceof ResourceSet set) {
      created.render(set, object).ifPresent(made::addAll);
    }
    for (Emitted m : made) {
      collect(m, candidates, kustomizations, depth + 1);
    }
  }

  /**
   * The ExternalArtifacts of ArtifactGenerators: own when every source they copy from is own (or
   * defined nowhere here), made of the folders their copies name.
   */
  private void generated(List<Candidate> candidates) {
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        if (!(manifest instanceof ArtifactGenerator generator)) {
          continue;
        }
        String namespace = generator.meta().namespaceText().orElse("");
        Map<String, String> roots = new HashMap<>();
        boolean own = true;
        for (ArtifactGenerator.Source source : generator.sources()) {
          Optional<Candidate> match =
              candidates.stream()
                  .filter(
                      c -> c.id.kind().equals(source.kind()) && c.id.name().equals(source.name()))
                  .findFirst();
          if (match.isPresent() && !match.get().own) {
            own = false;
          }
          roots.put(source.alias(), match.flatMap(c -> c.root).orElse(""));
        }
        for (ArtifactGenerator.Output output : generator.artifacts()) {
          Candidate candidate =
              new Candidate(
                  new ObjectId("ExternalArtifact", namespace, output.name().value()),
                  generator.meta().namespaceText(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new Origin(file.path(), output.name().range())));
          if (own) {
            candidate.own(
                Optional.empty(),
                "ArtifactGenerator "
                    + generator.meta().nameText()
                    + " ("
                    + file.path()
                    + ") makes it from this repository");
            candidate.artifact =
                Optional.of(Artifact.of(mappings(output, roots), SourceIgnore.NONE));
            candidate.root = Optional.of(candidate.artifact.get().root());
          }
          candidates.add(candidate);
        }
      }
    }
  }

  /** The cp-like copies of one generated artifact, as workspace folders at artifact paths. */
  private static List<Artifact.Mapping> mappings(
      ArtifactGenerator.Output output, Map<String, String> roots) {
    List<Artifact.Mapping> result = new ArrayList<>();
    for (ArtifactGenerator.Copy copy : output.copies()) {
      if (!copy.from().startsWith("@") || !copy.to().startsWith("@artifact")) {
        continue;
      }
      int slash = copy.from().indexOf('/');
      String alias = slash < 0 ? copy.from().substring(1) : copy.from().substring(1, slash);
      String pattern = slash < 0 ? "" : copy.from().substring(slash + 1);
      String root = roots.getOrDefault(alias, "");
      String to = copy.to().substring("@artifact".length());
      boolean intoFolder = to.endsWith("/") || to.isEmpty();
      String target = RepositoryPath.normalize(to).orElse("");
      String folder;
      String at;
      boolean file = false;
      if (pattern.endsWith("/**") || pattern.equals("**")) {
        folder = pattern.equals("**") ? "" : pattern.substring(0, pattern.length() - 3);
        at = target;
      } else if (pattern.endsWith("/") || pattern.isEmpty()) {
        folder = pattern.isEmpty() ? "" : pattern.substring(0, pattern.length() - 1);
        at = folder.isEmpty() ? target : join(target, SourceFile.nameOf(folder));
      } else if (pattern.contains("*")) {
        folder = SourceFile.directoryOf(pattern);
        at = target;
      } else {
        folder = pattern;
        at = intoFolder ? join(target, SourceFile.nameOf(pattern)) : target;
        file = true;
      }
      result.add(new Artifact.Mapping(at, join(root, folder), file));
    }
    return result;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }

  private static boolean sameUrl(List<Candidate> candidates) {
    boolean changed = false;
    for (Candidate own : candidates) {
      if (!own.own || own.url.isEmpty()) {
        continue;
      }
      for (Candidate other : candidates) {
        if (!other.own && other.url.equals(own.url)) {
          other.own(
              own.root,
              "its URL is that of "
                  + own.id.kind()
                  + " "
                  + own.id.qualifiedName()
                  + ", which is this repository's");
          changed = true;
        }
      }
    }
    return changed;
  }

  /** True when there are none, or every one is already known to be this repository. */
  private static boolean allOwn(List<Candidate> candidates) {
    for (Candidate candidate : candidates) {
      if (!candidate.own) {
        return false;
      }
    }
    return true;
  }

  /** A source whose Kustomization builds the folder holding that Kustomization's definition. */
  private boolean selfApplying(List<Candidate> candidates, List<Emitted> kustomizations) {
    boolean changed = false;
    Map<String, List<Candidate>> byName = new HashMap<>();
    for (Candidate candidate : candidates) {
      byName
          .computeIfAbsent(candidate.id.kind() + "/" + candidate.id.name(), k -> new ArrayList<>())
          .add(candidate);
    }
    for (Emitted object : kustomizations) {
      FluxKustomization kustomization = (FluxKustomization) object.manifest();
      if (kustomization.sourceRef().isEmpty()) {
        continue;
      }
      String kind = kustomization.sourceRef().get().kindOr("GitRepository");
      String name = kustomization.sourceRef().get().name().value();
      List<Candidate> named = byName.getOrDefault(kind + "/" + name, List.of());
      // Asked first, since once a round has found the source's own it settles every Kustomization
      // of that source in the rounds after it (most of them).
      if (allOwn(named)) {
        continue;
      }
      // A Kustomization of an artifact's root (an empty path) holds everything: that it would hold
      // its own definition proves nothing, and most such Kustomizations build other projects.
      boolean wholeArtifact =
          kustomization
              .path()
              .flatMap(p -> RepositoryPath.normalize(p.value()))
              .orElse("")
              .isEmpty();
      if (wholeArtifact) {
        continue;
      }
      for (String root : roots(kind, kustomization)) {
        Artifact artifact = Artifact.of(root, SourceIgnore.NONE);
        FluxBuilder.FluxBuild build =
            builder.build(
                kustomization,
                object.namespace().orElse(""),
                object.file(),
                Substitution.NONE,
                Optional.of(artifact));
        if (build.status() == FluxBuilder.Status.BUILT && includes(build, object)) {
          for (Candidate candidate : named) {
            candidate.own(
                Optional.of(root),
                "Kustomization "
                    + object.name()
                    + " ("
                    + object.file()
                    + ") builds it and applies its own definition");
          }
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  /** Where a Kustomization's artifact may be made from: the repository, or a pushed folder. */
  private List<String> roots(String kind, FluxKustomization kustomization) {
    List<String> roots = new ArrayList<>();
    if (!kind.equals("GitRepository")) {
      publications.pushes().forEach(p -> roots.add(p.folder()));
      kustomization
          .path()
          .flatMap(p -> RepositoryPath.normalize(p.value()))
          .ifPresent(p -> roots.addAll(foldersHolding(p)));
    }
    roots.add("");
    return roots.stream().distinct().toList();
  }

  /** Every folder F for which {@code F/path} is a folder of the workspace. */
  private List<String> foldersHolding(String path) {
    List<String> result = new ArrayList<>();
    if (path.isEmpty()) {
      return result;
    }
    for (SourceFile file : snapshot.files()) {
      String folder = file.directory();
      int at = folder.indexOf(path);
      while (at >= 0) {
        if ((at == 0 || folder.charAt(at - 1) == '/')
            && (folder.length() == at + path.length()
                || folder.charAt(at + path.length()) == '/')) {
          String root = at == 0 ? "" : folder.substring(0, at - 1);
          if (!result.contains(root)) {
            result.add(root);
          }
        }
        at = folder.indexOf(path, at + 1);
      }
    }
    return result;
  }

  private static boolean includes(FluxBuilder.FluxBuild build, Emitted kustomization) {
    for (Emitted object : build.objects()) {
      if (object.file().equals(kustomization.file())
          && object.manifest().meta().document() == kustomization.manifest().meta().document()
          && object.kind().equals("Kustomization")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The folder an own source's artifact is made of when nothing said: a pushed folder, else the one
   * folder F for which {@code F/spec.path} of its Kustomizations exists, else the repository.
   */
  private String folderOf(Candidate candidate, List<Emitted> kustomizations) {
    if (candidate.id.kind().equals("GitRepository")) {
      return "";
    }
    if (publications.pushes().size() == 1) {
      return publications.pushes().get(0).folder();
    }
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (Emitted object : kustomizations) {
      FluxKustomization kustomization = (FluxKustomization) object.manifest();
      boolean ofThis =
          kustomization
              .sourceRef()
              .filter(r -> r.kindOr("GitRepository").equals(candidate.id.kind()))
              .filter(r -> r.name().value().equals(candidate.id.name()))
              .isPresent();
      if (ofThis) {
        kustomization
            .path()
            .flatMap(p -> RepositoryPath.normalize(p.value()))
            .ifPresent(
                p -> {
                  List<String> roots = foldersHolding(p);
                  if (roots.size() == 1) {
                    votes.merge(roots.get(0), 1, Integer::sum);
                  }
                });
      }
    }
    return votes.size() == 1 ? votes.keySet().iterator().next() : "";
  }

  /**
   * An ignore list that leaves out everything ({@code /*}) and keeps only folders named for CRDs,
   * as sources of other projects' CRDs are written.
   */
  private static boolean crdsOnly(Optional<Located<String>> ignore) {
    if (ignore.isEmpty()) {
      return false;
    }
    boolean excludesAll = false;
    boolean kept = false;
    for (String raw : ignore.get().value().split("\n")) {
      String line = raw.strip();
      if (line.equals("/*") || line.equals("*") || line.equals("/**")) {
        excludesAll = true;
      } else if (line.startsWith("!")) {
        if (!line.toLowerCase(java.util.Locale.ROOT).matches(".*(^|/)[^/]*crds?[^/]*(/.*)?$")) {
          return false;
        }
        kept = true;
      }
    }
    return excludesAll && kept;
  }

  /**
   * Flux's own repository and manifests artifact ({@code github.com/fluxcd/flux2}, {@code
   * ghcr.io/fluxcd/flux-manifests}): what they install is Flux's controllers and CRDs, never a
   * Kustomization, HelmRelease or source of this repository's.
   */
  private static boolean fluxItself(Optional<String> url) {
    return url.map(
            u -> u.equals("github.com/fluxcd/flux2") || u.equals("ghcr.io/fluxcd/flux-manifests"))
        .orElse(false);
  }

  /** The source's {@code spec.ignore} and the repository's {@code .sourceignore} files. */
  private SourceIgnore ignore(Candidate candidate) {
    List<SourceIgnore.Scoped> scoped = new ArrayList<>();
    String root = candidate.root.orElse("");
    for (String path : snapshot.texts().keySet()) {
      if (SourceFile.nameOf(path).equals(".sourceignore")
          && (root.isEmpty() || path.startsWith(root + "/"))) {
        String folder = SourceFile.directoryOf(path);
        String inside =
            root.isEmpty()
                ? folder
                : folder.substring(Math.min(folder.length(), root.length() + 1));
        scoped.add(new SourceIgnore.Scoped(inside, snapshot.texts().get(path)));
      }
    }
    candidate.ignore.ifPresent(i -> scoped.add(new SourceIgnore.Scoped("", i.value())));
    return SourceIgnore.of(scoped);
  }
}
