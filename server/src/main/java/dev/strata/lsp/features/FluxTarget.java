package dev.strata.lsp.features;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.model.DependencyRef;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kustomization or HelmRelease a cursor designates, in one cluster: either by standing on its
 * {@code metadata.name} or on a {@code dependsOn} entry that names it. {@code entry} is that entry.
 */
public record FluxTarget(Cluster cluster, ObjectId id, Optional<Dependency> entry) {
  public static List<FluxTarget> at(Cursor cursor) {
    List<FluxTarget> result = new ArrayList<>();
    Optional<Manifest> manifest = cursor.manifest();
    if (manifest.isEmpty() || !isNode(manifest.get())) {
      return result;
    }
    boolean onName =
        manifest.get().meta().name().map(n -> n.range().contains(cursor.position())).orElse(false);
    Optional<DependencyRef> ref =
        dependsOn(manifest.get()).stream()
            .filter(r -> r.entry().contains(cursor.position()))
            .findFirst();
    for (Cursor.InCluster in : cursor.applied()) {
      if (onName) {
        result.add(new FluxTarget(in.cluster(), in.applied().id(), Optional.empty()));
      } else if (ref.isPresent()) {
        in.applied().dependencies().stream()
            .filter(d -> d.ref().entry().equals(ref.get().entry()))
            .findFirst()
            .ifPresent(d -> result.add(new FluxTarget(in.cluster(), d.target(), Optional.of(d))));
      }
    }
    return result;
  }

  public static boolean isNode(Manifest manifest) {
    return manifest instanceof FluxKustomization || manifest instanceof HelmRelease;
  }

  public static List<DependencyRef> dependsOn(Manifest manifest) {
    if (manifest instanceof FluxKustomization k) {
      return k.dependsOn();
    }
    return manifest instanceof HelmRelease h ? h.dependsOn() : List.of();
  }

  public DependencyGraph graph(Analysis analysis) {
    return analysis.graph(cluster);
  }

  /** The object itself, when this cluster has it. */
  public Optional<Applied> node(Analysis analysis) {
    return graph(analysis).node(id);
  }

  /** The written name of the object, with its range. */
  public Optional<Located<String>> declaredName(Analysis analysis) {
    return node(analysis).flatMap(a -> a.meta().name());
  }
}
