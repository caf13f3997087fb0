package dev.strata.analysis;

import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A strongly connected set of objects that wait on each other, with one closed path through all of
 * them for messages ({@code ns/a -> ns/b -> ns/a}) and every {@code dependsOn} entry inside the
 * set.
 */
public record Cycle(List<ObjectId> path, Set<ObjectId> members, List<Dependency> edges) {
  public Cycle {
    path = List.copyOf(path);
    members = Set.copyOf(members);
    edges = List.copyOf(edges);
  }

  /** The path as Flux would print it, closed on its first member. */
  public String render() {
    String joined = path.stream().map(ObjectId::qualifiedName).collect(Collectors.joining(" -> "));
    return joined + " -> " + path.get(0).qualifiedName();
  }
}
