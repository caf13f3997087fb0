package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.NameSuggestions;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.Optional;

/**
 * A Kustomization that depends on a name that is only a HelmRelease, or the reverse. The
 * controllers look up their own kind only, so the dependency can never be satisfied.
 */
public final class DependencyKindMismatchRule implements ClusterRule {
  @Override
  public String id() {
    return "dependency-kind-mismatch";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A Kustomization depends on a HelmRelease's name, or the reverse: never satisfiable.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    DependencyGraph graph = analysis.graph(cluster);
    for (ObjectId node : graph.nodes()) {
      for (Dependency dependency : graph.dependencies(node)) {
        if (dependency.unresolved() || graph.contains(dependency.target())) {
          continue;
        }
        Optional<ObjectId> other = NameSuggestions.otherKind(graph, dependency.target());
        other.ifPresent(
            o ->
                reporter.report(
                    finding(
                        dependency.file(),
                        dependency.ref().name().range(),
                        message(dependency, o))));
      }
    }
  }

  private static String message(Dependency dependency, ObjectId actual) {
    String kind = dependency.from().kind();
    String advice =
        kind.equals("Kustomization")
            ? "to wait for a HelmRelease, add it to the healthChecks of the Kustomization that applies it and depend on that Kustomization"
            : "to wait for a Kustomization, order the Kustomizations that apply these HelmReleases instead";
    return kind
        + " "
        + dependency.from().qualifiedName()
        + " depends on "
        + actual.qualifiedName()
        + ", which is a "
        + actual.kind()
        + ": a "
        + kind
        + "'s dependsOn can only name "
        + kind
        + "s, so this never becomes ready; "
        + advice;
  }
}
