package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspNavigationTest {
  private static final String ESO = "kubernetes/apps/eso/ks.yaml";
  private static final String WEB = "kubernetes/apps/web/ks.yaml";
  private static final String STORAGE = "kubernetes/apps/storage/ks.yaml";
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

  private List<? extends Location> definition(String path, Position position) throws Exception {
    return session
        .server
        .getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(fixture.uri(path)), position))
        .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .getLeft();
  }

  @Test
  void definitionOfDependsOnNameIsTheKustomization() throws Exception {
    List<? extends Location> locations = definition(WEB, fixture.find(WEB, "name: eso", 7));
    assertEquals(List.of(new Location(fixture.uri(ESO), LspSession.range(3, 8, 3, 11))), locations);
  }

  @Test
  void definitionOfSecretStoreRefIsTheStore() throws Exception {
    List<? extends Location> locations =
        definition(SECRET, fixture.find(SECRET, "name: onepassword", 8));
    assertEquals(fixture.uri("kubernetes/apps/storage/app/store.yaml"), locations.get(0).getUri());
    assertEquals(1, locations.size());
  }

  @Test
  void definitionOfSpecPathIsTheFolderKustomization() throws Exception {
    List<? extends Location> locations =
        definition(WEB, fixture.find(WEB, "./kubernetes/apps/web/app", 4));
    assertEquals(
        List.of(fixture.uri("kubernetes/apps/web/app/kustomization.yaml")),
        locations.stream().map(Location::getUri).toList());
  }

  @Test
  void definitionOfResourceEntryIsTheFile() throws Exception {
    String overlay = "kubernetes/apps/web/app/kustomization.yaml";
    List<? extends Location> locations =
        definition(overlay, fixture.find(overlay, "./externalsecret.yaml", 3));
    assertEquals(List.of(fixture.uri(SECRET)), locations.stream().map(Location::getUri).toList());
  }

  @Test
  void definitionOfExternalSecretTargetIsTheExternalSecret() throws Exception {
    List<? extends Location> locations = definition(SECRET, fixture.find(SECRET, "name: web\n", 6));
    assertEquals(List.of(fixture.uri(SECRET)), locations.stream().map(Location::getUri).toList());
  }

  @Test
  void referencesOfAKustomizationAreTheDependsOnEntriesNamingIt() throws Exception {
    ReferenceParams params =
        new ReferenceParams(
            new TextDocumentIdentifier(fixture.uri(ESO)),
            fixture.find(ESO, "name: eso", 7),
            new ReferenceContext(false));
    List<? extends Location> locations =
        session
            .server
            .getTextDocumentService()
            .references(params)
            .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(
        List.of(new Location(fixture.uri(WEB), LspSession.range(7, 12, 7, 15))), locations);
  }

  @Test
  void referencesIncludeTheDeclarationWhenAsked() throws Exception {
    ReferenceParams params =
        new ReferenceParams(
            new TextDocumentIdentifier(fixture.uri(WEB)),
            fixture.find(WEB, "name: eso", 7),
            new ReferenceContext(true));
    List<? extends Location> locations =
        session
            .server
            .getTextDocumentService()
            .references(params)
            .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(2, locations.size());
    assertEquals(fixture.uri(ESO), locations.get(0).getUri());
  }

  @Test
  void renameChangesTheNameAndEveryDependsOnEntry() throws Exception {
    Position onName = fixture.find(STORAGE, "name: storage", 7);
    var prepared =
        session
            .server
            .getTextDocumentService()
            .prepareRename(
                new PrepareRenameParams(new TextDocumentIdentifier(fixture.uri(STORAGE)), onName))
            .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals("storage", prepared.getSecond().getPlaceholder());
    WorkspaceEdit edit =
        session
            .server
            .getTextDocumentService()
            .rename(
                new RenameParams(new TextDocumentIdentifier(fixture.uri(STORAGE)), onName, "ceph"))
            .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(
        List.of(new TextEdit(LspSession.range(3, 8, 3, 15), "ceph")),
        edit.getChanges().get(fixture.uri(STORAGE)));
    assertEquals(
        List.of(new TextEdit(LspSession.range(7, 12, 7, 19), "ceph")),
        edit.getChanges().get(fixture.uri(ESO)));
  }

  @Test
  void prepareRenameOutsideANameAnswersNull() throws Exception {
    var prepared =
        session
            .server
            .getTextDocumentService()
            .prepareRename(
                new PrepareRenameParams(
                    new TextDocumentIdentifier(fixture.uri(STORAGE)), new Position(0, 2)))
            .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNull(prepared);
  }

  @Test
  void renameRefusesInvalidNames() {
    Position onName = fixture.find(STORAGE, "name: storage", 7);
    ExecutionException error =
        assertThrows(
            ExecutionException.class,
            () ->
                session
                    .server
                    .getTextDocumentService()
                    .rename(
                        new RenameParams(
                            new TextDocumentIdentifier(fixture.uri(STORAGE)),
                            onName,
                            "${CLUSTER}-storage"))
                    .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertTrue(
        error.getCause().getMessage().contains("not a valid"), error.getCause().getMessage());
  }
}
