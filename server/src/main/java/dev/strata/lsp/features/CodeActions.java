package dev.strata.lsp.features;

import dev.strata.analysis.Finding;
import dev.strata.analysis.fix.Fix;
import dev.strata.analysis.fix.Fixes;
import dev.strata.lsp.ClientSupport;
import dev.strata.lsp.ToProto;
import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes for the findings under the requested range, and refactors of the objects under it
 * (convert any ExternalSecret to SOPS), built by the analysis layer as plain file changes and
 * converted here. A fix this client cannot apply (file creation without resource operations,
 * overlapping edits) is not offered at all.
 */
public final class CodeActions {
  private CodeActions() {}

  public static List<CodeAction> of(
      WorkspaceState state,
      FileRef file,
      Range range,
      List<Finding> findings,
      Optional<List<String>> only,
      ClientSupport client) {
    List<CodeAction> result = new ArrayList<>();
    if (wanted(only, CodeActionKind.QuickFix)) {
      for (Finding finding : findings) {
        if (finding.file().equals(file.path()) && intersects(finding.range(), range)) {
          for (Fix fix : Fixes.forFinding(file.root().analysis(), finding)) {
            action(state, file, fix, CodeActionKind.QuickFix, client)
                .ifPresent(
                    a -> {
                      a.setDiagnostics(List.of(ToProto.diagnostic(finding, file.root(), client)));
                      result.add(a);
                    });
          }
        }
      }
    }
    if (wanted(only, CodeActionKind.RefactorRewrite)) {
      for (Fix fix : Fixes.refactors(file.root().analysis(), file.path(), range)) {
        boolean offered = result.stream().anyMatch(a -> a.getTitle().equals(fix.title()));
        if (!offered) {
          action(state, file, fix, CodeActionKind.RefactorRewrite, client).ifPresent(result::add);
        }
      }
    }
    return result;
  }

  static Optional<CodeAction> action(
      WorkspaceState state, FileRef file, Fix fix, String kind, ClientSupport client) {
    Optional<WorkspaceEdit> edit = ToProto.workspaceEdit(fix, file.root(), state, client);
    return edit.map(
        e -> {
          CodeAction action = new CodeAction(fix.title());
          action.setKind(kind);
          action.setEdit(e);
          action.setIsPreferred(fix.preferred() ? Boolean.TRUE : null);
          return action;
        });
  }

  /**
   * A kind the client asked for, or any when it named none; {@code refactor} covers {@code
   * refactor.rewrite}.
   */
  static boolean wanted(Optional<List<String>> only, String kind) {
    return only.isEmpty()
        || only.get().isEmpty()
        || only.get().stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
  }

  private static boolean intersects(Range a, Range b) {
    return a.start().compareTo(b.end()) <= 0 && b.start().compareTo(a.end()) <= 0;
  }
}
