package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.model.FluxInstance;
import dev.strata.model.FluxKustomization;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * Two Flux objects with the same kind, namespace and name in one cluster, from different documents:
 * the last one applied wins and the controllers fight over it. The same document reached twice is
 * not a duplicate of itself.
 */
public final class DuplicateObjectRule implements Rule {
  @Override
  public String id() {
    return "duplicate-object";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Two Flux objects with the same kind, namespace and name in one cluster.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (Cluster cluster : analysis.clusters()) {
      for (ObjectId id : cluster.ids()) {
        List<Applied> definitions = distinctDocuments(cluster.find(id));
        if (definitions.size() < 2 || id.unresolved() || !isFluxObject(definitions.get(0))) {
          continue;
        }
        for (Applied definition : definitions) {
          List<Finding.Related> others = new ArrayList<>();
          for (Applied other : definitions) {
            if (other != definition) {
              others.add(Finding.Related.of(other.origin(), "also defined here"));
            }
          }
          reporter.report(
              finding(
                  definition.file(),
                  definition.meta().anchor(),
                  id.kind()
                      + " "
                      + id.qualifiedName()
                      + " is defined "
                      + definitions.size()
                      + " times in cluster "
                      + cluster.name()
                      + "; Flux applies only one of them",
                  others));
        }
      }
    }
  }

  private static List<Applied> distinctDocuments(List<Applied> applied) {
    List<Applied> result = new ArrayList<>();
    for (Applied candidate : applied) {
      boolean seen =
          result.stream()
              .anyMatch(
                  a ->
                      a.file().equals(candidate.file())
                          && a.meta().document() == candidate.meta().document());
      if (!seen) {
        result.add(candidate);
      }
    }
    return result;
  }

  private static boolean isFluxObject(Applied applied) {
    return applied.manifest() instanceof FluxKustomization
        || applied.manifest() instanceof HelmRelease
        || applied.manifest() instanceof FluxSource
        || applied.manifest() instanceof FluxInstance;
  }
}
