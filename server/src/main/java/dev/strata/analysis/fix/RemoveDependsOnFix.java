package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Cycle;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Breaks a {@code dependsOn} cycle by removing the entry the finding sits on (offered on every
 * edge).
 */
public final class RemoveDependsOnFix implements FixBuilder {
  @Override
  public String rule() {
    return "dependency-cycle";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    Optional<Targets.Edge> edge = Targets.dependencyAt(analysis, finding);
    if (edge.isEmpty()) {
      return List.of();
    }
    Dependency dependency = edge.get().dependency();
    DependencyGraph graph = edge.get().graph();
    Optional<Cycle> cycle =
        graph.cycles().stream().filter(c -> c.edges().contains(dependency)).findFirst();
    Optional<dev.strata.workspace.Applied> from = graph.node(dependency.from());
    if (cycle.isEmpty() || from.isEmpty()) {
      return List.of();
    }
    Changes changes = new Changes();
    boolean removed =
        analysis
            .snapshot()
            .file(dependency.file())
            .map(
                f ->
                    new KustomizationEdits(changes.edits(f), from.get().meta().node())
                        .removeDependencies(List.of(dependency.ref())))
            .orElse(false);
    if (!removed) {
      return List.of();
    }
    String effect =
        stillCyclic(graph, cycle.get(), dependency)
            ? "removes one edge of the cycle "
            : "breaks the cycle ";
    String title =
        "Remove dependsOn on "
            + dependency.target().qualifiedName()
            + " ("
            + effect
            + cycle.get().render()
            + ")";
    return changes.fix(title, false, false).map(List::of).orElse(List.of());
  }

  /** True when the cycle's members still wait on each other in a circle once this entry is gone. */
  static boolean stillCyclic(DependencyGraph graph, Cycle cycle, Dependency removed) {
    for (ObjectId member : cycle.members()) {
      if (reaches(graph, cycle, removed, member)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reaches(
      DependencyGraph graph, Cycle cycle, Dependency removed, ObjectId start) {
    Set<ObjectId> seen = new HashSet<>();
    Deque<ObjectId> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      for (Dependency next : graph.dependencies(queue.poll())) {
        if (next == removed || !cycle.members().contains(next.target())) {
          continue;
        }
        if (next.target().equals(start)) {
          return true;
        }
        if (seen.add(next.target())) {
          queue.add(next.target());
        }
      }
    }
    return false;
  }
}
