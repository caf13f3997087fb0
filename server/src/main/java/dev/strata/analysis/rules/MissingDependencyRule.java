package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Need;
import dev.strata.model.Severity;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kustomization whose build or objects need what another Kustomization's objects make true (the
 * edges of the need graph that cross between them: CRDs, a store, a StorageClass, an issuer, a
 * Secret, a chart source), with no {@code dependsOn} path to it. Flux retries until it works, so
 * this is advice by default; a Kustomization's ancestors, which apply it, count as ordered.
 */
public final class MissingDependencyRule implements ClusterRule {
  @Override
  public String id() {
    return "missing-dependency";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "A Kustomization uses what another provides, with no dependsOn path to it.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    DependencyGraph graph = analysis.graph(cluster);
    for (Map.Entry<ObjectId, List<Need>> entry : analysis.needs(cluster).crossings().entrySet()) {
      Optional<AppliedKustomization> kustomization = cluster.kustomization(entry.getKey());
      if (kustomization.isEmpty() || !graph.contains(entry.getKey())) {
        continue;
      }
      for (Map.Entry<ObjectId, List<Need>> missing :
          missing(cluster, graph, entry.getKey(), entry.getValue()).entrySet()) {
        reporter.report(finding(kustomization.get(), missing.getKey(), missing.getValue(), graph));
      }
    }
  }

  /** Needs grouped by provider, keeping only providers the Kustomization is not ordered after. */
  public static Map<ObjectId, List<Need>> missing(
      Cluster cluster, DependencyGraph graph, ObjectId kustomization, List<Need> needs) {
    Set<ObjectId> ordered = new HashSet<>(graph.upstream(kustomization));
    ordered.add(kustomization);
    ordered.addAll(ancestors(cluster, kustomization));
    // A need that several Kustomizations can meet (CRDs two charts install, a Secret two builds
    // make) is met once the Kustomization is ordered after one of them.
    Set<List<Object>> met = new HashSet<>();
    for (Need need : needs) {
      if (ordered.contains(need.provider())) {
        met.add(List.of(need.consumer().id(), need.at(), need.what()));
      }
    }
    Map<ObjectId, List<Need>> byProvider = new LinkedHashMap<>();
    for (Need need : needs) {
      // A provider the Kustomization itself applies cannot be waited for with dependsOn.
      if (!ordered.contains(need.provider())
          && !met.contains(List.of(need.consumer().id(), need.at(), need.what()))
          && graph.contains(need.provider())
          && !ancestors(cluster, need.provider()).contains(kustomization)) {
        byProvider.computeIfAbsent(need.provider(), p -> new ArrayList<>()).add(need);
      }
    }
    // A provider that another missing provider already waits for is covered by depending on that
    // one.
    Set<ObjectId> covered = new HashSet<>();
    for (ObjectId provider : byProvider.keySet()) {
      for (ObjectId other : byProvider.keySet()) {
        if (!other.equals(provider) && graph.upstream(other).contains(provider)) {
          covered.add(provider);
        }
      }
    }
    byProvider.keySet().removeAll(covered);
    return byProvider;
  }

  private static Set<ObjectId> ancestors(Cluster cluster, ObjectId kustomization) {
    Set<ObjectId> result = new HashSet<>();
    Optional<AppliedKustomization> current = cluster.kustomization(kustomization);
    while (current.isPresent()
        && current.get().applied().owner().isPresent()
        && result.add(current.get().applied().owner().get())) {
      current = cluster.kustomization(current.get().applied().owner().get());
    }
    return result;
  }

  private Finding finding(
      AppliedKustomization kustomization,
      ObjectId provider,
      List<Need> needs,
      DependencyGraph graph) {
    Need first = needs.get(0);
    String cycle =
        graph.wouldCreateCycle(kustomization.id(), provider)
            ? "; "
                + provider.qualifiedName()
                + " already waits for it, so the order between them needs a closer look"
            : "";
    String user =
        first.consumer().id().equals(kustomization.id())
            ? "Kustomization " + kustomization.id().qualifiedName() + " needs "
            : "Kustomization "
                + kustomization.id().qualifiedName()
                + " applies "
                + first.consumer().id().kind()
                + " "
                + first.consumer().id().name()
                + ", which needs ";
    String message =
        user
            + first.what()
            + " from Kustomization "
            + provider.qualifiedName()
            + ", but has no dependsOn path to it: on a fresh cluster it fails until Flux retries"
            + cycle;
    List<Finding.Related> related = new ArrayList<>();
    for (Need need : needs.subList(0, Math.min(needs.size(), 5))) {
      related.add(
          Finding.Related.of(
              need.at(),
              need.consumer().id().kind()
                  + " "
                  + need.consumer().id().name()
                  + " needs "
                  + need.what()));
    }
    return finding(
        kustomization.applied().file(), kustomization.applied().meta().anchor(), message, related);
  }
}
