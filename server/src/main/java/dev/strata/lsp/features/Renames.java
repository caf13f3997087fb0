package dev.strata.lsp.features;

import dev.strata.analysis.Analysis;
import dev.strata.lsp.ToProto;
import dev.strata.model.Located;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Substitution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Rename a Kustomization or HelmRelease with every {@code dependsOn} entry naming it. Names built
 * with {@code ${VAR}} are refused: the text in Git is not the name Flux sees, so renaming it would
 * be a guess.
 */
public final class Renames {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private Renames() {}

  public static Optional<PrepareRenameResult> prepare(Cursor cursor) {
    Optional<Plan> plan = plan(cursor);
    return plan.map(
        p -> new PrepareRenameResult(ToProto.range(p.current().range()), p.current().value()));
  }

  public static WorkspaceEdit rename(Cursor cursor, String newName) {
    if (!NAME.matcher(newName).matches() || newName.length() > 253) {
      throw error("\"" + newName + "\" is not a valid Kubernetes name");
    }
    Plan plan =
        plan(cursor)
            .orElseThrow(
                () ->
                    error(
                        "nothing to rename here: place the cursor on a Kustomization or HelmRelease name or a dependsOn entry"));
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Origin origin : plan.places()) {
      String text =
          cursor
              .root()
              .snapshot()
              .file(origin.file())
              .map(f -> textAt(f.text(), f, origin))
              .orElse("");
      String quote = text.startsWith("\"") || text.startsWith("'") ? text.substring(0, 1) : "";
      changes
          .computeIfAbsent(cursor.root().uri(origin.file()), k -> new ArrayList<>())
          .add(new TextEdit(ToProto.range(origin.range()), quote + newName + quote));
    }
    return new WorkspaceEdit(changes);
  }

  private record Plan(Located<String> current, Set<Origin> places) {}

  private static Optional<Plan> plan(Cursor cursor) {
    Analysis analysis = cursor.root().analysis();
    Set<Origin> places = new LinkedHashSet<>();
    Located<String> current = null;
    for (FluxTarget target : FluxTarget.at(cursor)) {
      Optional<Applied> node = target.node(analysis);
      Optional<Located<String>> declared = target.declaredName(analysis);
      if (node.isEmpty()
          || declared.isEmpty()
          || Substitution.unresolved(declared.get().value())
          || !declared.get().value().equals(target.id().name())) {
        throw error(
            "cannot rename "
                + target.id().qualifiedName()
                + ": its name is not written literally in this repository");
      }
      places.add(new Origin(node.get().file(), declared.get().range()));
      for (Dependency dependency : target.graph(analysis).dependents(target.id())) {
        if (Substitution.unresolved(dependency.ref().name().value())) {
          throw error("cannot rename: " + dependency.file() + " names it with a variable");
        }
        places.add(new Origin(dependency.file(), dependency.ref().name().range()));
      }
      current = target.entry().map(d -> d.ref().name()).orElse(declared.get());
    }
    return current == null ? Optional.empty() : Optional.of(new Plan(current, places));
  }

  private static String textAt(String text, dev.strata.workspace.SourceFile file, Origin origin) {
    int start = file.syntax().lines().offset(origin.range().start(), text);
    return start < text.length() ? text.substring(start, Math.min(text.length(), start + 1)) : "";
  }

  private static ResponseErrorException error(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }
}
