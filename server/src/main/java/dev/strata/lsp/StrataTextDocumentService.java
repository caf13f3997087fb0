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
import org.eclipse.lsp4j.TextDocumentIdentifier;
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
    return atCursor(
        "textDocument/definition",
        params,
        c -> Either.forLeft(Definitions.of(c)),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean declaration =
        params != null && params.getContext() != null && params.getContext().isIncludeDeclaration();
    return atCursor(
        "textDocument/references", params, c -> References.of(c, declaration), List.of());
  }

  @Override
  public CompletableFuture<
          Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return atCursor(
        "textDocument/prepareRename",
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
    if (params != null && params.getNewName() == null) {
      return ProtocolErrors.invalid("textDocument/rename", "newName is required");
    }
    return atCursor(
        "textDocument/rename", params, c -> Renames.rename(c, params.getNewName()), null);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return atCursor(
        "textDocument/completion",
        params,
        c -> Either.forRight(new CompletionList(false, Completions.of(c))),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    // A hover reads its own line of the document (and the analysis): it may answer from the newest
    // analysed state while lines below it are being typed.
    return atCursor("textDocument/hover", params, true, c -> Hovers.of(c).orElse(null), null);
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    if (params == null || missing(params.getTextDocument())) {
      return ProtocolErrors.invalid("textDocument/documentSymbol", "textDocument is required");
    }
    return requests.compute(
        params.getTextDocument().getUri(),
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
    if (params == null || missing(params.getTextDocument())) {
      return ProtocolErrors.invalid("textDocument/codeLens", "textDocument is required");
    }
    return requests.compute(
        params.getTextDocument().getUri(),
        state ->
            state.locate(params.getTextDocument().getUri()).map(CodeLenses::of).orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    if (params == null || missing(params.getTextDocument()) || !valid(params.getRange())) {
      return ProtocolErrors.invalid(
          "textDocument/codeAction", "textDocument and range are required");
    }
    return requests.compute(
        params.getTextDocument().getUri(),
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
   * A request without a document or a position is refused with InvalidParams; one at a place the
   * server does not know answers with nothing.
   */
  private <T> CompletableFuture<T> atCursor(
      String method, TextDocumentPositionParams params, Function<Cursor, T> feature, T none) {
    return atCursor(method, params, false, feature, none);
  }

  /**
   * A feature at the cursor; {@code ownLineOnly} when it reads nothing of the document below the
   * cursor's line, so that the newest analysed state may answer ({@code Workspace.forDocument}).
   */
  private <T> CompletableFuture<T> atCursor(
      String method,
      TextDocumentPositionParams params,
      boolean ownLineOnly,
      Function<Cursor, T> feature,
      T none) {
    if (params == null || missing(params.getTextDocument()) || params.getPosition() == null) {
      return ProtocolErrors.invalid(method, "textDocument and position are required");
    }
    return requests.compute(
        params.getTextDocument().getUri(),
        ownLineOnly ? params.getPosition().getLine() : -1,
        state ->
            Cursor.of(
                    state,
                    params.getTextDocument().getUri(),
                    FromProto.position(params.getPosition()))
                .map(feature)
                .orElse(none));
  }

  private static boolean missing(TextDocumentIdentifier document) {
    return document == null || document.getUri() == null;
  }

  private static boolean valid(org.eclipse.lsp4j.Range range) {
    return range != null && range.getStart() != null && range.getEnd() != null;
  }
}
