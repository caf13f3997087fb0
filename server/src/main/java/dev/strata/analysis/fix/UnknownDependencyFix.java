package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.NameSuggestions;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * Repairs a {@code dependsOn} entry that names nothing: the near name ("Replace with"), or the
 * namespace where that exact name lives ("Add namespace"). Offered only when the analysis has a
 * suggestion.
 */
public final class UnknownDependencyFix implements FixBuilder {
  @Override
  public String rule() {
    return "unknown-dependency";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    Optional<Targets.Edge> edge = Targets.dependencyAt(analysis, finding);
    if (edge.isEmpty()) {
      return List.of();
    }
    Dependency dependency = edge.get().dependency();
    Optional<ObjectId> near = NameSuggestions.suggest(edge.get().cluster(), dependency.target());
    Optional<dev.strata.workspace.Applied> from = edge.get().graph().node(dependency.from());
    Optional<SourceFile> file = analysis.snapshot().file(dependency.file());
    if (near.isEmpty()
        || from.isEmpty()
        || file.isEmpty()
        || dependency.ref().name().value().contains("${")) {
      return List.of();
    }
    return fix(file.get(), from.get().meta().node(), dependency, near.get())
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Fix> fix(
      SourceFile file, YamlMapping document, Dependency dependency, ObjectId near) {
    Changes changes = new Changes();
    KustomizationEdits edits = new KustomizationEdits(changes.edits(file), document);
    Optional<YamlMapping> item = edits.dependencyItem(dependency.ref().entry());
    Optional<YamlScalar> name =
        item.flatMap(i -> i.get("name"))
            .filter(YamlScalar.class::isInstance)
            .map(YamlScalar.class::cast);
    if (name.isEmpty()
        || name.get().style() == YamlScalar.Style.LITERAL
        || name.get().style() == YamlScalar.Style.FOLDED) {
      return Optional.empty();
    }
    boolean sameName = near.name().equals(dependency.target().name());
    boolean otherNamespace = !near.namespace().equals(dependency.target().namespace());
    if (!sameName) {
      edits.replaceScalar(name.get(), near.name());
    }
    boolean namespaceWritten = dependency.ref().namespace().isPresent();
    if (otherNamespace && !edits.setNamespace(item.get(), near.namespace())) {
      return Optional.empty();
    }
    String title;
    if (sameName && !namespaceWritten) {
      title = "Add namespace " + near.namespace() + " to the dependsOn entry " + near.name();
    } else if (otherNamespace) {
      title = "Replace with '" + near.qualifiedName() + "'";
    } else {
      title = "Replace with '" + near.name() + "'";
    }
    return changes.fix(title, true, false);
  }
}
