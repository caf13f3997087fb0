package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.NameSuggestions;
import dev.strata.analysis.Rule;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.Manifest;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ExternalContent;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import dev.strata.workspace.Unreached;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@code dependsOn} entry that names no object of that kind in the resolved namespace: Flux
 * retries it every 30 seconds forever. Names with an unresolved {@code ${VAR}} are never reported,
 * and neither are names in namespaces where a build of a source outside the repository may define
 * them.
 */
public final class UnknownDependencyRule implements Rule {
  @Override
  public String id() {
    return "unknown-dependency";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "dependsOn names no object of that kind in the resolved namespace.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    // Both indexes read every file, and most analyses have no unknown dependency: made on the
    // first one.
    Supplier<Unreached> unreached = memoised(() -> new Unreached(analysis.snapshot()));
    Supplier<Definitions> definitions = memoised(() -> new Definitions(analysis.snapshot()));
    for (Cluster cluster : analysis.clusters()) {
      Supplier<ExternalContent> external = memoised(() -> new ExternalContent(cluster));
      DependencyGraph graph = analysis.graph(cluster);
      for (ObjectId node : graph.nodes()) {
        for (Dependency dependency : graph.dependencies(node)) {
          if (!isUnknown(cluster, graph, dependency)) {
            continue;
          }
          // A target the repository defines but no cluster applies is a dangling dependency,
          // whatever an external build might define: its entry was dropped here.
          Optional<String> dead = definitions.get().unapplied(unreached.get(), dependency.target());
          if (dead.isPresent()) {
            reporter.report(
                finding(
                    dependency.file(),
                    dependency.ref().name().range(),
                    dependency.from().kind()
                        + " "
                        + dependency.from().qualifiedName()
                        + " depends on "
                        + dependency.target().qualifiedName()
                        + ", which "
                        + dead.get()
                        + "; Flux retries it forever"));
          } else if (!external
              .get()
              .mayDefine(dependency.target().kind(), dependency.target().namespace())) {
            reporter.report(
                finding(
                    dependency.file(),
                    dependency.ref().name().range(),
                    message(cluster, dependency)));
          }
        }
      }
    }
  }

  /** {@code compute}'s value, computed on the first {@code get}; the rule runs on one thread. */
  private static <T> Supplier<T> memoised(Supplier<T> compute) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = compute.get();
        }
        return value;
      }
    };
  }

  /**
   * The Flux Kustomizations and HelmReleases the repository's documents define, by kind and name,
   * read once per check rather than once per unknown dependency.
   */
  private static final class Definitions {
    private final Map<Name, List<SourceFile>> files = new HashMap<>();
    private final Map<dev.strata.workspace.SourceFile, List<Manifest>> manifests =
        new IdentityHashMap<>();

    Definitions(Snapshot snapshot) {
      for (SourceFile file : snapshot.filesWhere(Definitions.class, Definitions::defining)) {
        for (Manifest manifest : file.manifests()) {
          if (manifest instanceof FluxKustomization || manifest instanceof HelmRelease) {
            Name key = new Name(manifest.kind(), manifest.meta().nameText());
            List<SourceFile> list = files.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != file) {
              list.add(file);
            }
            manifests.computeIfAbsent(file, f -> new ArrayList<>()).add(manifest);
          }
        }
      }
    }

    /** A kind and a name: the key of the definitions (a joined string cost a copy of each). */
    private record Name(String kind, String name) {}

    /** True when the file defines a Flux Kustomization or a HelmRelease. */
    private static boolean defining(SourceFile file) {
      return file.anyManifest(m -> m instanceof FluxKustomization || m instanceof HelmRelease);
    }

    /** "is defined in F but not applied: why", when a document of the repository defines it. */
    Optional<String> unapplied(Unreached unreached, ObjectId target) {
      for (SourceFile file :
          files.getOrDefault(new Name(target.kind(), target.name()), List.of())) {
        for (Manifest manifest : manifests.get(file)) {
          if (manifest.kind().equals(target.kind())
              && manifest.meta().nameText().equals(target.name())
              && manifest.meta().namespaceText().map(target.namespace()::equals).orElse(true)) {
            Optional<String> why = unreached.why(file.path());
            if (why.isPresent()) {
              return Optional.of("is defined in " + file.path() + " but not applied: " + why.get());
            }
          }
        }
      }
      return Optional.empty();
    }
  }

  static boolean isUnknown(Cluster cluster, DependencyGraph graph, Dependency dependency) {
    ObjectId target = dependency.target();
    return !dependency.unresolved()
        && !graph.contains(target)
        && !cluster.rootIds().contains(target)
        && NameSuggestions.otherKind(graph, target).isEmpty();
  }

  private static String message(Cluster cluster, Dependency dependency) {
    ObjectId target = dependency.target();
    String text =
        dependency.from().kind()
            + " "
            + dependency.from().qualifiedName()
            + " depends on "
            + target.qualifiedName()
            + ", but no "
            + target.kind()
            + " of that name exists in namespace "
            + target.namespace()
            + " of cluster "
            + cluster.name()
            + "; Flux retries it forever";
    Optional<ObjectId> near = NameSuggestions.suggest(cluster, target);
    return near.map(n -> text + "; did you mean " + n.qualifiedName() + "?").orElse(text);
  }
}
