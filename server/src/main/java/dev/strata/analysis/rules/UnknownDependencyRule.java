package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.NameSuggestions;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ExternalContent;
import dev.strata.workspace.ObjectId;
import java.util.Optional;

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
    for (Cluster cluster : analysis.clusters()) {
      ExternalContent external = new ExternalContent(cluster);
      DependencyGraph graph = analysis.graph(cluster);
      for (ObjectId node : graph.nodes()) {
        for (Dependency dependency : graph.dependencies(node)) {
          if (isUnknown(cluster, graph, dependency)
              && !external.mayDefine(dependency.target().kind(), dependency.target().namespace())) {
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
