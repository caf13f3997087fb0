package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.strata.lsp.features.DependencyGraphs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspEditingHelpTest {
  private static final String ESO = "kubernetes/apps/eso/ks.yaml";
  private static final String WEB = "kubernetes/apps/web/ks.yaml";
  private static final String SECRET = "kubernetes/apps/web/app/externalsecret.yaml";

  @TempDir Path root;
  private Fixture fixture;
  private LspSession session;

  @BeforeEach
  void start() throws Exception {
    fixture = Fixture.write(root, Repositories.NAVIGATION);
    session = LspSession.start(root);
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
    return future.get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private List<CompletionItem> complete(String path, Position position) throws Exception {
    return get(session
            .server
            .getTextDocumentService()
            .completion(
                new CompletionParams(new TextDocumentIdentifier(fixture.uri(path)), position)))
        .getRight()
        .getItems();
  }

  @Test
  void completesDependsOnNamesWithNamespaceWhenItDiffers() throws Exception {
    session.open(fixture, WEB);
    // Replace "eso\n      namespace: flux-system" by an empty value: the user is typing a new name.
    session.replace(fixture, WEB, 2, LspSession.range(7, 12, 8, 29), "");
    List<CompletionItem> items = complete(WEB, new Position(7, 12));
    CompletionItem storage =
        items.stream()
            .filter(i -> i.getLabel().equals("flux-system/storage"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "storage\n      namespace: flux-system", storage.getTextEdit().getLeft().getNewText());
    assertFalse(
        items.stream().anyMatch(i -> i.getLabel().contains("web")),
        "a Kustomization cannot depend on itself");
  }

  @Test
  void completesDependsOnNamesWithoutNamespaceInTheSameNamespace() throws Exception {
    List<CompletionItem> items = complete(ESO, fixture.find(ESO, "name: storage", 8));
    CompletionItem storage =
        items.stream().filter(i -> i.getLabel().equals("storage")).findFirst().orElseThrow();
    assertEquals("storage", storage.getTextEdit().getLeft().getNewText());
    assertEquals(LspSession.range(7, 12, 7, 19), storage.getTextEdit().getLeft().getRange());
  }

  @Test
  void completesStoreNames() throws Exception {
    List<CompletionItem> items = complete(SECRET, fixture.find(SECRET, "name: onepassword", 8));
    assertEquals(List.of("onepassword"), items.stream().map(CompletionItem::getLabel).toList());
  }

  @Test
  void hoverOnDependsOnShowsWhatItWaitsForAndWhatWaitsForIt() throws Exception {
    Hover hover =
        get(
            session
                .server
                .getTextDocumentService()
                .hover(
                    new HoverParams(
                        new TextDocumentIdentifier(fixture.uri(WEB)),
                        fixture.find(WEB, "name: eso", 7))));
    String text = hover.getContents().getRight().getValue();
    assertTrue(text.contains("`flux-system/eso`"), text);
    assertTrue(text.contains("Waits for: `flux-system/storage`"), text);
    assertTrue(text.contains("Waited on by: `apps/web`"), text);
  }

  @Test
  void hoverOnExternalSecretShowsItsMechanismNeverAValue() throws Exception {
    Hover hover =
        get(
            session
                .server
                .getTextDocumentService()
                .hover(
                    new HoverParams(
                        new TextDocumentIdentifier(fixture.uri(SECRET)),
                        fixture.find(SECRET, "web-secret", 2))));
    String text = hover.getContents().getRight().getValue();
    assertTrue(text.contains("external-secret"), text);
    assertTrue(text.contains("`onepassword`"), text);
  }

  @Test
  void documentSymbolsNestDependsOnUnderTheirKustomization() throws Exception {
    List<DocumentSymbol> symbols =
        get(
                session
                    .server
                    .getTextDocumentService()
                    .documentSymbol(
                        new DocumentSymbolParams(new TextDocumentIdentifier(fixture.uri(WEB)))))
            .stream()
            .map(e -> e.getRight())
            .toList();
    assertEquals(List.of("web"), symbols.stream().map(DocumentSymbol::getName).toList());
    assertEquals(
        List.of("flux-system/eso"),
        symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
  }

  @Test
  void workspaceSymbolsFindObjectsInFilesNeverOpened() throws Exception {
    List<? extends WorkspaceSymbol> symbols =
        get(session.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("onep")))
            .getRight();
    assertEquals(List.of("onepassword"), symbols.stream().map(WorkspaceSymbol::getName).toList());
  }

  @Test
  void codeLensCountsDependenciesAndDependents() throws Exception {
    List<? extends CodeLens> lenses =
        get(
            session
                .server
                .getTextDocumentService()
                .codeLens(new CodeLensParams(new TextDocumentIdentifier(fixture.uri(ESO)))));
    assertEquals(
        List.of("depends on 1 · 1 dependents · bootstrap"),
        lenses.stream().map(l -> l.getCommand().getTitle()).toList());
  }

  @Test
  void dependencyGraphUsesUris() throws Exception {
    DependencyGraphs.Params params = new DependencyGraphs.Params();
    params.uri = fixture.uri(WEB);
    JsonObject graph = get(session.server.dependencyGraph(params));
    assertEquals("kubernetes/flux/cluster", graph.get("cluster").getAsString());
    JsonObject web =
        graph.getAsJsonArray("nodes").asList().stream()
            .map(n -> n.getAsJsonObject())
            .filter(n -> n.get("id").getAsString().equals("Kustomization/apps/web"))
            .findFirst()
            .orElseThrow();
    assertEquals(fixture.uri(WEB), web.get("uri").getAsString());
    assertTrue(
        graph
            .getAsJsonArray("edges")
            .toString()
            .contains(
                "\"from\":\"Kustomization/apps/web\",\"to\":\"Kustomization/flux-system/eso\""));
  }

  @Test
  void hoverShowsLayerAndOutageImpact() throws Exception {
    Hover hover =
        get(
            session
                .server
                .getTextDocumentService()
                .hover(
                    new HoverParams(
                        new TextDocumentIdentifier(fixture.uri(WEB)),
                        fixture.find(WEB, "name: web", 7))));
    String text = hover.getContents().getRight().getValue();
    assertTrue(text.contains("- Layer: application"), text);
    assertTrue(text.contains("- If the secret provider is down: "), text);
  }

  @Test
  void secretsInventoryListsTheExternalSecretWithItsUri() throws Exception {
    JsonObject result =
        get(session.server.secrets(new dev.strata.lsp.features.SecretsInventory.Params()));
    JsonObject row = result.getAsJsonArray("secrets").get(0).getAsJsonObject();
    assertEquals("web", row.get("name").getAsString());
    assertEquals("external-secret", row.get("mechanism").getAsString());
    assertEquals(fixture.uri(SECRET), row.get("uri").getAsString());
  }
}
