package dev.strata.analysis;

import dev.strata.model.ExternalSecret;
import dev.strata.model.Fields;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.ObjectReference;
import dev.strata.model.SecretManifest;
import dev.strata.syntax.YamlMapping;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Seeds;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The variable names a Kustomization's {@code postBuild} defines, as far as the repository tells:
 * the keys of {@code substitute}, and for each {@code substituteFrom} entry the keys of the
 * ConfigMap's {@code data} or of the Secret's {@code data} and {@code stringData} (fluxcd/pkg
 * {@code kustomize/kustomize_varsub.go} {@code LoadVariables}: the object in the Kustomization's
 * namespace). A source's keys are known only when the cluster applies it from this repository and
 * nothing else makes it: one a bootstrap creates ({@link Seeds}), one that no document applies
 * (created by hand, by a chart, in another repository, or an {@code optional} one that may be
 * absent), a generated Secret, a ConfigMap generated from env files and an ExternalSecret with
 * {@code dataFrom} or {@code templateFrom} make the names unknown. Only names, never values.
 */
public record PostBuildVariables(
    AppliedKustomization kustomization,
    Set<String> inline,
    List<Source> sources,
    Set<String> defined) {
  public PostBuildVariables {
    inline = Set.copyOf(inline);
    sources = List.copyOf(sources);
    defined = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(defined));
  }

  /**
   * The variables of {@code substitute} ({@code inline}) and {@code sources}; {@link #defined} is
   * computed once, for it is asked for every object the Kustomization substitutes.
   */
  public PostBuildVariables(
      AppliedKustomization kustomization, Set<String> inline, List<Source> sources) {
    this(kustomization, inline, sources, union(inline, sources));
  }

  /**
   * One {@code substituteFrom} entry: what it names in which namespace, the keys it defines when
   * they are known, and where they come from (or why they are not known).
   */
  public record Source(
      ObjectReference reference,
      String description,
      Optional<Set<String>> keys,
      Optional<Origin> origin,
      String why) {}

  /** True when every source's keys are known, so that a name none defines is surely undefined. */
  public boolean known() {
    return sources.stream().allMatch(s -> s.keys().isPresent());
  }

  /** Every name defined by a source whose keys are known, and by {@code substitute}. */
  private static Set<String> union(Set<String> inline, List<Source> sources) {
    Set<String> result = new LinkedHashSet<>(inline);
    sources.forEach(s -> s.keys().ifPresent(result::addAll));
    return result;
  }

  public static PostBuildVariables of(
      Snapshot snapshot, Cluster cluster, ClusterFacts facts, AppliedKustomization kustomization) {
    Seeds seeds = snapshot.render().seeds();
    List<Source> sources = new ArrayList<>();
    for (ObjectReference from : kustomization.postBuild().substituteFrom()) {
      sources.add(source(snapshot, cluster, facts, seeds, kustomization, from));
    }
    return new PostBuildVariables(
        kustomization, kustomization.postBuild().substitute().keySet(), sources);
  }

  private static Source source(
      Snapshot snapshot,
      Cluster cluster,
      ClusterFacts facts,
      Seeds seeds,
      AppliedKustomization kustomization,
      ObjectReference from) {
    String kind = from.kindOr("");
    String name = kustomization.applied().substituted(from.name().value());
    ObjectId id = new ObjectId(kind, kustomization.id().namespace(), name);
    String description = (kind.isEmpty() ? "object" : kind) + " " + id.qualifiedName();
    if (!kind.equals("ConfigMap") && !kind.equals("Secret")) {
      return unknown(from, description, "its kind is neither ConfigMap nor Secret");
    }
    if (id.unresolved()) {
      return unknown(from, description, "its name holds an unresolved variable");
    }
    Optional<Origin> seed = seeds.object(id);
    if (seed.isPresent()) {
      return new Source(
          from,
          description,
          Optional.empty(),
          seed,
          "it is created outside Git, by " + seed.get().file());
    }
    List<Applied> makers =
        kind.equals("ConfigMap")
            ? cluster.find(id)
            : facts.sourcesNamed(name).stream()
                .filter(s -> s.namespace().map(id.namespace()::equals).orElse(true))
                .map(SecretSource::source)
                .toList();
    if (makers.isEmpty()) {
      return unknown(
          from,
          description,
          from.optional()
              ? "it is optional and the cluster applies none from this repository"
              : "the cluster applies none from this repository (made outside Git?)");
    }
    Set<String> keys = new LinkedHashSet<>();
    for (Applied maker : makers) {
      Optional<Set<String>> made = keys(snapshot, maker);
      if (made.isEmpty()) {
        return new Source(
            from,
            description,
            Optional.empty(),
            Optional.of(maker.origin()),
            "its keys are not known from " + maker.file());
      }
      keys.addAll(made.get());
    }
    return new Source(
        from, description, Optional.of(keys), Optional.of(makers.get(0).origin()), "");
  }

  private static Source unknown(ObjectReference from, String description, String why) {
    return new Source(from, description, Optional.empty(), Optional.empty(), why);
  }

  /** The keys an object of the cluster puts into the ConfigMap or Secret, when they are known. */
  private static Optional<Set<String>> keys(Snapshot snapshot, Applied maker) {
    if (maker.opaque()) {
      return Optional.empty(); // a transformer Strata does not follow may have changed its keys
    }
    Optional<KustomizeOverlay> generator = generator(snapshot, maker);
    if (generator.isPresent()) {
      return generatedKeys(generator.get(), maker);
    }
    if (maker.manifest() instanceof SecretManifest secret) {
      Set<String> keys = new LinkedHashSet<>();
      secret.keys().forEach(k -> keys.add(k.key().value()));
      return Optional.of(keys);
    }
    if (maker.manifest() instanceof ExternalSecret external) {
      return externalKeys(external);
    }
    if (maker.id().kind().equals("ConfigMap")) {
      Set<String> keys = new LinkedHashSet<>();
      Fields.of(maker.meta().node())
          .mapping("data")
          .map(Fields::mapping)
          .map(YamlMapping::entries)
          .orElse(List.of())
          .forEach(e -> e.keyText().ifPresent(keys::add));
      return Optional.of(keys);
    }
    return Optional.empty();
  }

  /**
   * A ConfigMap from {@code configMapGenerator} has the keys of its literals and files; env files
   * are not read, so their keys and every generated Secret's are not known.
   */
  private static Optional<Set<String>> generatedKeys(KustomizeOverlay overlay, Applied maker) {
    if (!maker.id().kind().equals("ConfigMap")) {
      return Optional.empty();
    }
    for (KustomizeOverlay.GeneratedConfigMap map : overlay.configMapGenerator()) {
      if (map.name().value().equals(maker.meta().nameText()) && map.envs().isEmpty()) {
        Set<String> keys = new LinkedHashSet<>(map.literals().keySet());
        keys.addAll(map.files().keySet());
        return Optional.of(keys);
      }
    }
    return Optional.empty();
  }

  /**
   * An ExternalSecret that owns its Secret has the keys of its {@code data} entries and of its
   * template's {@code data} (both, which may be more than it makes: a name counted defined is never
   * a false finding); {@code dataFrom}, {@code templateFrom}, a templated key or another creation
   * policy make them unknown.
   */
  private static Optional<Set<String>> externalKeys(ExternalSecret external) {
    String policy = external.creationPolicy().map(Located::value).orElse("Owner");
    if (external.cluster()
        || external.hasDataFrom()
        || external.hasTemplateFrom()
        || !(policy.equals("Owner") || policy.equals("Orphan"))) {
      return Optional.empty();
    }
    Set<String> keys = new LinkedHashSet<>();
    external.data().forEach(d -> keys.add(d.secretKey().value()));
    external.templateDataKeys().forEach(k -> keys.add(k.value()));
    if (keys.stream().anyMatch(k -> k.contains("{{") || k.contains("${"))) {
      return Optional.empty();
    }
    return Optional.of(keys);
  }

  /** The kustomization whose generator made this object, when a generator did. */
  public static Optional<KustomizeOverlay> generator(Snapshot snapshot, Applied applied) {
    return snapshot
        .file(applied.file())
        .flatMap((SourceFile f) -> f.manifest(applied.meta().document()))
        .filter(KustomizeOverlay.class::isInstance)
        .map(KustomizeOverlay.class::cast);
  }
}
