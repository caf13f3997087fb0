package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Cycle;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle of {@code dependsOn} among Kustomizations or among HelmReleases. Flux never reports one:
 * each member waits forever in {@code DependencyNotReady}. Reported on every entry that is an edge
 * of the cycle, with the path and the other entries as related locations.
 */
public final class DependencyCycleRule implements ClusterRule {
  @Override
  public String id() {
    return "dependency-cycle";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A cycle of dependsOn among Kustomizations or HelmReleases: every member waits forever.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    DependencyGraph graph = analysis.graph(cluster);
    for (Cycle cycle : graph.cycles()) {
      for (Dependency edge : cycle.edges()) {
        reporter.report(
            finding(
                edge.file(),
                edge.ref().name().range(),
                message(edge, cycle),
                related(edge, cycle)));
      }
    }
  }

  private static String message(Dependency edge, Cycle cycle) {
    String kind = edge.from().kind();
    String consequence =
        kind.equals("Kustomization")
            ? "; each waits for the next forever (DependencyNotReady), and kustomize-controller stops"
                + " event-driven reconciliation for their source (fluxcd/kustomize-controller#1712)"
            : "; each waits for the next forever (DependencyNotReady)";
    return kind + " dependency cycle: " + cycle.render() + consequence;
  }

  private static List<Finding.Related> related(Dependency edge, Cycle cycle) {
    List<Finding.Related> related = new ArrayList<>();
    for (Dependency other : cycle.edges()) {
      if (other != edge) {
        related.add(
            Finding.Related.of(
                new Origin(other.file(), other.ref().name().range()),
                other.from().qualifiedName() + " depends on " + other.target().qualifiedName()));
      }
    }
    return related;
  }
}
