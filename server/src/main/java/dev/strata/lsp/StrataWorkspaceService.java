package dev.strata.lsp;

import dev.strata.lsp.features.WorkspaceSymbols;
import dev.strata.lsp.state.Uris;
import dev.strata.lsp.state.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Dispatch of workspace notifications to the writer and of workspace/symbol to its feature class.
 */
final class StrataWorkspaceService implements WorkspaceService {
  private final Workspace workspace;
  private final Requests requests;
  private final SettingsSource settings;

  StrataWorkspaceService(Workspace workspace, Requests requests, SettingsSource settings) {
    this.workspace = workspace;
    this.requests = requests;
    this.settings = settings;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    settings.changed(Optional.ofNullable(params.getSettings()));
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent event : params.getChanges()) {
      workspace.diskChanged(event.getUri());
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    workspace.removeFolders(paths(params.getEvent().getRemoved()));
    workspace.addFolders(
        paths(params.getEvent().getAdded()), n -> dev.strata.lsp.state.Progress.NONE);
  }

  @Override
  public CompletableFuture<
          Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>>
      symbol(WorkspaceSymbolParams params) {
    if (params == null || params.getQuery() == null) {
      return ProtocolErrors.invalid("workspace/symbol", "query is required");
    }
    return requests.compute(
        state -> Either.forRight(WorkspaceSymbols.of(state, params.getQuery())));
  }

  static List<Path> paths(List<WorkspaceFolder> folders) {
    return folders == null
        ? List.of()
        : folders.stream().map(f -> Uris.path(f.getUri())).flatMap(Optional::stream).toList();
  }
}
