package dev.strata.lsp;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;

/**
 * What the client said it can do, read once at initialize: every optional capability the server
 * changes its behaviour for, with LSP4J's nulls turned into false.
 */
public record ClientSupport(
    boolean relatedInformation,
    boolean documentChanges,
    boolean createFiles,
    boolean deleteFiles,
    boolean watchedFilesRegistration,
    boolean workDoneProgress,
    boolean configuration) {
  public static final ClientSupport NONE =
      new ClientSupport(false, false, false, false, false, false, false);

  public static ClientSupport of(ClientCapabilities capabilities) {
    Optional<ClientCapabilities> all = Optional.ofNullable(capabilities);
    Optional<WorkspaceClientCapabilities> workspace = all.map(ClientCapabilities::getWorkspace);
    Optional<WorkspaceEditCapabilities> edit =
        workspace.map(WorkspaceClientCapabilities::getWorkspaceEdit);
    List<String> operations =
        edit.map(WorkspaceEditCapabilities::getResourceOperations).orElse(List.of());
    return new ClientSupport(
        flag(
            all.map(ClientCapabilities::getTextDocument)
                .map(TextDocumentClientCapabilities::getPublishDiagnostics),
            PublishDiagnosticsCapabilities::getRelatedInformation),
        flag(edit, WorkspaceEditCapabilities::getDocumentChanges),
        operations.contains("create"),
        operations.contains("delete"),
        flag(
            workspace.map(WorkspaceClientCapabilities::getDidChangeWatchedFiles),
            c -> c.getDynamicRegistration()),
        flag(all.map(ClientCapabilities::getWindow), WindowClientCapabilities::getWorkDoneProgress),
        flag(workspace, WorkspaceClientCapabilities::getConfiguration));
  }

  private static <T> boolean flag(Optional<T> owner, Function<T, Boolean> read) {
    return owner.map(read).orElse(false) == Boolean.TRUE;
  }
}
