package dev.strata.lsp;

import dev.strata.lsp.diagnostics.CurrentFindings;
import dev.strata.lsp.features.CodeActions;
import dev.strata.lsp.features.CodeLenses;
import dev.strata.lsp.features.Completions;
import dev.strata.lsp.features.Cursor;
import dev.strata.lsp.features.Definitions;
import dev.strata.lsp.features.DocumentSymbols;
import dev.strata.lsp.features.Hovers;
import dev.strata.lsp.features.References;
import dev.strata.lsp.features.Renames;
import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Dispatch only: document notifications go to the workspace writer, requests to their feature class
 * on the request pool. No feature logic lives here.
 */
final class StrataTextDocumentService implements TextDocumentService {
  private final Workspace workspace;
  private final Requests requests;
  private final Supplier<ClientSupport> client;
  private final Supplier<CurrentFindings> findings;

  StrataTextDocumentService(
      Workspace workspace,
      Requests requests,
      Supplier<ClientSupport> client,
      Supplier<CurrentFindings> findings) {
    this.workspace = workspace;
    this.requests = requests;
    this.client = client;
    this.findings = findings;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    workspace.open(
        params.getTextDocument().getUri(),
        params.getTextDocument().getVersion(),
        params.getTextDocument().getText());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    workspace.change(
        params.getTextDocument().getUri(),
        params.getTextDocument().getVersion(),
        params.getContentChanges().stream().map(FromProto::change).toList());
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    workspace.close(params.getTextDocument().getUri());
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The buffer already holds what was saved.
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return atCursor(params, c -> Either.forLeft(Definitions.of(c)), Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
    return atCursor(params, c -> References.of(c, declaration), List.of());
  }

  @Override
  public CompletableFuture<
          Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return atCursor(
        params,
        c ->
            Renames.prepare(c)
                .map(
                    Either3
                        ::<org.eclipse.lsp4j.Range, PrepareRenameResult,
                            PrepareRenameDefaultBehavior>forSecond)
                .orElse(null),
        null);
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return atCursor(params, c -> Renames.rename(c, params.getNewName()), null);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return atCursor(
        params,
        c -> Either.forRight(new CompletionList(false, Completions.of(c))),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return atCursor(params, c -> Hovers.of(c).orElse(null), null);
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return requests.compute(
        state ->
            state
                .locate(params.getTextDocument().getUri())
                .flatMap(FileRef::source)
                .map(
                    f ->
                        DocumentSymbols.of(f).stream()
                            .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                            .toList())
                .orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return requests.compute(
        state ->
            state.locate(params.getTextDocument().getUri()).map(CodeLenses::of).orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return requests.compute(
        state -> {
          Optional<FileRef> file = state.locate(params.getTextDocument().getUri());
          if (file.isEmpty()) {
            return List.of();
          }
          Optional<List<String>> only =
              Optional.ofNullable(params.getContext()).map(c -> c.getOnly());
          List<CodeAction> actions =
              CodeActions.of(
                  state,
                  file.get(),
                  FromProto.range(params.getRange()),
                  findings.get().of(state, file.get().root()),
                  only,
                  client.get());
          return actions.stream().map(Either::<Command, CodeAction>forRight).toList();
        });
  }

  /**
   * A request without a document or a position answers with nothing rather than an internal error.
   */
  private <T> CompletableFuture<T> atCursor(
      TextDocumentPositionParams params, Function<Cursor, T> feature, T none) {
    if (params == null
        || params.getTextDocument() == null
        || params.getTextDocument().getUri() == null
        || params.getPosition() == null) {
      return CompletableFuture.completedFuture(none);
    }
    return requests.compute(
        state ->
            Cursor.of(
                    state,
                    params.getTextDocument().getUri(),
                    FromProto.position(params.getPosition()))
                .map(feature)
                .orElse(none));
  }
}
