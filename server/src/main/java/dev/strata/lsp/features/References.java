package dev.strata.lsp.features;

import dev.strata.analysis.Analysis;
import dev.strata.lsp.ToProto;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.Origin;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Location;

/**
 * Find references: from a Kustomization or HelmRelease (its name or an entry naming it) to every
 * {@code dependsOn} entry that names it, across files. The graph resolves namespaces and keeps
 * clusters apart, so {@code clusters/staging} never answers for {@code clusters/production}.
 */
public final class References {
  private References() {}

  public static List<Location> of(Cursor cursor, boolean includeDeclaration) {
    return origins(cursor, includeDeclaration).stream()
        .map(o -> ToProto.location(cursor.root(), o))
        .toList();
  }

  static Set<Origin> origins(Cursor cursor, boolean includeDeclaration) {
    Analysis analysis = cursor.root().analysis();
    Set<Origin> result = new LinkedHashSet<>();
    for (FluxTarget target : FluxTarget.at(cursor)) {
      if (includeDeclaration) {
        target.node(analysis).map(Applied::origin).ifPresent(result::add);
      }
      for (Dependency dependency : target.graph(analysis).dependents(target.id())) {
        result.add(new Origin(dependency.file(), dependency.ref().name().range()));
      }
    }
    return result;
  }
}
