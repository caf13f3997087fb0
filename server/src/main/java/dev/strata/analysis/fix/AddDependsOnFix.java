package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Need;
import dev.strata.analysis.rules.MissingDependencyRule;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the {@code dependsOn} entry a {@code missing-dependency} finding asks for, and, when the
 * same Kustomization misses several providers, one action that adds them all. Never offers an edge
 * that would close a cycle.
 */
public final class AddDependsOnFix implements FixBuilder {
  @Override
  public String rule() {
    return "missing-dependency";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    for (Cluster cluster : analysis.clusters()) {
      for (var applied : cluster.inFile(finding.file())) {
        Optional<AppliedKustomization> kustomization = cluster.kustomization(applied.id());
        if (kustomization.isPresent() && applied.meta().range().contains(finding.range().start())) {
          List<Fix> fixes = fixes(analysis, cluster, kustomization.get(), finding);
          if (!fixes.isEmpty()) {
            return fixes;
          }
        }
      }
    }
    return List.of();
  }

  private static List<Fix> fixes(
      Analysis analysis, Cluster cluster, AppliedKustomization kustomization, Finding finding) {
    DependencyGraph graph = analysis.graph(cluster);
    Map<ObjectId, List<Need>> missing =
        MissingDependencyRule.missing(
            cluster,
            graph,
            kustomization.id(),
            analysis.needs(cluster).crossings(kustomization.id()));
    Optional<ObjectId> provider =
        missing.entrySet().stream()
            .filter(e -> isFindingOf(finding, e.getKey(), e.getValue()))
            .map(Map.Entry::getKey)
            .findFirst();
    if (provider.isEmpty() || graph.wouldCreateCycle(kustomization.id(), provider.get())) {
      return List.of();
    }
    List<Fix> fixes = new ArrayList<>();
    fix(
            analysis,
            kustomization,
            List.of(provider.get()),
            "Add dependsOn on " + provider.get().qualifiedName(),
            true)
        .ifPresent(fixes::add);
    List<ObjectId> all =
        missing.keySet().stream()
            .filter(p -> !graph.wouldCreateCycle(kustomization.id(), p))
            .toList();
    if (all.size() > 1) {
      String names = String.join(", ", all.stream().map(ObjectId::qualifiedName).toList());
      fix(
              analysis,
              kustomization,
              all,
              "Add dependsOn on all " + all.size() + " (" + names + ")",
              false)
          .ifPresent(fixes::add);
    }
    return fixes;
  }

  /** The finding of a provider points its first related location at the provider's first need. */
  private static boolean isFindingOf(Finding finding, ObjectId provider, List<Need> needs) {
    if (!finding.related().isEmpty()) {
      Finding.Related first = finding.related().get(0);
      return first.file().equals(needs.get(0).at().file())
          && first.range().equals(needs.get(0).at().range())
          && finding.message().contains("from Kustomization " + provider.qualifiedName() + ",");
    }
    return finding.message().contains("from Kustomization " + provider.qualifiedName() + ",");
  }

  private static Optional<Fix> fix(
      Analysis analysis,
      AppliedKustomization kustomization,
      List<ObjectId> providers,
      String title,
      boolean preferred) {
    Optional<SourceFile> file = analysis.snapshot().file(kustomization.applied().file());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Changes changes = new Changes();
    List<Map<String, String>> items = new ArrayList<>();
    for (ObjectId provider : providers) {
      String namespace = provider.namespace();
      items.add(
          KustomizationEdits.entry(
              provider.name(),
              namespace.equals(kustomization.id().namespace())
                  ? Optional.empty()
                  : Optional.of(namespace)));
    }
    if (!new KustomizationEdits(changes.edits(file.get()), kustomization.applied().meta().node())
        .addDependencies(items)) {
      return Optional.empty();
    }
    return changes.fix(title, preferred, false);
  }
}
