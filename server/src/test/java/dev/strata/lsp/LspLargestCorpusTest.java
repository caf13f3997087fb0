package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.lsp.features.DependencyGraphs;
import dev.strata.lsp.features.SecretsInventory;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.Loader;
import dev.strata.workspace.ObjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every navigation and editing feature on the largest real repository of {@code ../shared/corpora}
 * (kochhaus-home, 1,276 files, three clusters). The analysis, loaded beside the server, is the
 * oracle for where a {@code dependsOn} entry and its Kustomization are. Skipped when the corpora
 * are absent.
 */
class LspLargestCorpusTest {
  private static final String REPOSITORY = "haraldkoch__kochhaus-home";
  private static Path root;
  private static LspSession session;
  private static Dependency edge;
  private static Applied target;

  @BeforeAll
  static void start() throws Exception {
    root =
        Path.of(System.getProperty("strata.corpora", "../../shared/corpora"), REPOSITORY)
            .toAbsolutePath()
            .normalize();
    Assumptions.assumeTrue(Files.isDirectory(root), "corpora absent");
    Analysis analysis = new Analysis(Loader.load(root));
    for (Cluster cluster : analysis.clusters()) {
      DependencyGraph graph = analysis.graph(cluster);
      for (ObjectId id : graph.nodes().stream().sorted().toList()) {
        for (Dependency dependency : graph.dependencies(id)) {
          if (edge == null
              && id.kind().equals("Kustomization")
              && graph.contains(dependency.target())) {
            edge = dependency;
            target = graph.node(dependency.target()).orElseThrow();
          }
        }
      }
    }
    assertNotNull(edge, "the corpus has a resolved dependsOn");
    session = LspSession.start(root);
    // Indexing is done once the missing file of the corpus copy is reported on a file never opened.
    session.client.awaitDiagnostics(
        uri("kubernetes/main/apps/renovate/kustomization.yaml"),
        d -> d.stream().anyMatch(x -> "missing-path".equals(x.getCode().getLeft())));
  }

  @AfterAll
  static void stop() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  private static String uri(String path) {
    return root.resolve(path).toUri().toString();
  }

  private static Position at(dev.strata.text.Range range) {
    return new Position(range.start().line(), range.start().character() + 1);
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static TextDocumentIdentifier dependent() {
    return new TextDocumentIdentifier(uri(edge.file()));
  }

  @Test
  void definitionOfADependsOnEntryIsItsKustomization() throws Exception {
    List<? extends Location> locations =
        get(session
                .server
                .getTextDocumentService()
                .definition(new DefinitionParams(dependent(), at(edge.ref().name().range()))))
            .getLeft();
    assertEquals(1, locations.size(), locations.toString());
    assertEquals(uri(target.file()), locations.get(0).getUri());
    assertEquals(
        target.meta().anchor().start().line(), locations.get(0).getRange().getStart().getLine());
  }

  @Test
  void referencesOfAKustomizationIncludeTheEntryThatNamesIt() throws Exception {
    ReferenceParams params =
        new ReferenceParams(
            new TextDocumentIdentifier(uri(target.file())),
            at(target.meta().anchor()),
            new ReferenceContext(false));
    List<? extends Location> references =
        get(session.server.getTextDocumentService().references(params));
    assertTrue(
        references.stream()
            .anyMatch(
                l ->
                    l.getUri().equals(uri(edge.file()))
                        && l.getRange().getStart().getLine()
                            == edge.ref().name().range().start().line()),
        references.toString());
  }

  @Test
  void hoverCompletionAndRenameWorkOnTheEntry() throws Exception {
    var documents = session.server.getTextDocumentService();
    Hover hover = get(documents.hover(new HoverParams(dependent(), at(edge.ref().name().range()))));
    assertTrue(hover.getContents().getRight().getValue().contains("Waits for"), hover.toString());
    List<CompletionItem> items =
        get(documents.completion(new CompletionParams(dependent(), at(edge.ref().name().range()))))
            .getRight()
            .getItems();
    assertTrue(
        items.stream().anyMatch(i -> i.getLabel().contains(edge.target().name())),
        items.size() + " items");
    assertNotNull(
        get(
            documents.prepareRename(
                new PrepareRenameParams(
                    new TextDocumentIdentifier(uri(target.file())), at(target.meta().anchor())))));
  }

  @Test
  void symbolsAndCodeLensesListTheFluxObjects() throws Exception {
    var documents = session.server.getTextDocumentService();
    assertFalse(get(documents.documentSymbol(new DocumentSymbolParams(dependent()))).isEmpty());
    List<? extends CodeLens> lenses = get(documents.codeLens(new CodeLensParams(dependent())));
    assertTrue(
        lenses.stream()
            .anyMatch(
                l -> l.getCommand() != null && l.getCommand().getTitle().contains("depends on")),
        lenses.toString());
    var symbols =
        get(
            session
                .server
                .getWorkspaceService()
                .symbol(new WorkspaceSymbolParams(target.id().name())));
    assertTrue(symbols.isLeft() ? !symbols.getLeft().isEmpty() : !symbols.getRight().isEmpty());
  }

  @Test
  void customRequestsDrawTheGraphAndListTheSecrets() throws Exception {
    DependencyGraphs.Params graph = new DependencyGraphs.Params();
    graph.uri = uri(edge.file());
    JsonObject view = get(session.server.dependencyGraph(graph));
    assertEquals(
        3, view.getAsJsonArray("clusters").size(), view.getAsJsonArray("clusters").toString());
    assertTrue(
        view.getAsJsonArray("nodes").size() > 50, "nodes: " + view.getAsJsonArray("nodes").size());
    SecretsInventory.Params secrets = new SecretsInventory.Params();
    secrets.uri = uri(edge.file());
    assertTrue(get(session.server.secrets(secrets)).getAsJsonArray("secrets").size() > 10);
  }
}
