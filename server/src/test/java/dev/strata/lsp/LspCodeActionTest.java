package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.DeleteFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspCodeActionTest {
  private static final String A = "kubernetes/apps/a/ks.yaml";

  @TempDir Path root;

  private static List<CodeAction> actions(LspSession session, Fixture fixture) throws Exception {
    CodeActionParams params =
        new CodeActionParams(
            new TextDocumentIdentifier(fixture.uri(A)),
            LspSession.range(7, 12, 7, 13),
            new CodeActionContext(List.of()));
    return session
        .server
        .getTextDocumentService()
        .codeAction(params)
        .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .stream()
        .map(Either::getRight)
        .toList();
  }

  @Test
  void offersSuppressAsDocumentChangesWhenTheClientSupportsThem() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      CodeAction suppress =
          actions(session, fixture).stream()
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      assertEquals("quickfix", suppress.getKind());
      assertEquals("dependency-cycle", suppress.getDiagnostics().get(0).getCode().getLeft());
      var edit = suppress.getEdit().getDocumentChanges().get(0).getLeft();
      assertEquals(fixture.uri(A), edit.getTextDocument().getUri());
      assertEquals(
          "    # strata-ignore: dependency-cycle\n", edit.getEdits().get(0).getLeft().getNewText());
    }
  }

  @Test
  void fallsBackToChangesWithoutDocumentChanges() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session =
        LspSession.start(root, p -> p.setCapabilities(new ClientCapabilities()))) {
      CodeAction suppress =
          actions(session, fixture).stream()
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      assertNull(suppress.getEdit().getDocumentChanges());
      assertTrue(suppress.getEdit().getChanges().containsKey(fixture.uri(A)));
    }
  }

  private static final String EXTERNAL_SECRET =
      "kubernetes/apps/storage/ceph-csi/app/externalsecret.yaml";
  private static final String APP_SECRET =
      "kubernetes/apps/default/paperless/app/externalsecret.yaml";

  /** Copies an example repository, so that the test never writes into the project. */
  private Path example(String name) {
    Path source = Path.of(System.getProperty("strata.examples", "../examples")).resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = root.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  private static List<CodeAction> actionsAt(LspSession session, Path repo, String path, int line)
      throws Exception {
    CodeActionParams params =
        new CodeActionParams(
            new TextDocumentIdentifier(repo.resolve(path).toUri().toString()),
            LspSession.range(line, 0, line, 80),
            new CodeActionContext(List.of()));
    return session
        .server
        .getTextDocumentService()
        .codeAction(params)
        .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .stream()
        .map(Either::getRight)
        .toList();
  }

  @Test
  void offersTheWholeSopsMigrationAsOnePreferredQuickFixWithFileOperations() throws Exception {
    Path repo = example("broken");
    try (LspSession session = LspSession.start(repo)) {
      session.client.awaitDiagnostics(
          repo.resolve(EXTERNAL_SECRET).toUri().toString(),
          d -> d.stream().anyMatch(x -> "bootstrap-deadlock".equals(x.getCode().getLeft())));
      CodeAction convert =
          actionsAt(session, repo, EXTERNAL_SECRET, 10).stream()
              .filter(a -> a.getTitle().startsWith("Convert to SOPS Secret"))
              .findFirst()
              .orElseThrow();
      assertEquals("quickfix", convert.getKind());
      assertEquals(Boolean.TRUE, convert.getIsPreferred());
      List<ResourceOperation> operations =
          convert.getEdit().getDocumentChanges().stream()
              .filter(Either::isRight)
              .map(Either::getRight)
              .toList();
      assertTrue(
          operations.stream()
              .anyMatch(
                  o ->
                      o instanceof CreateFile c
                          && c.getUri().endsWith("ceph-csi/app/secret.sops.yaml")));
      assertTrue(
          operations.stream()
              .anyMatch(
                  o ->
                      o instanceof DeleteFile d
                          && d.getUri().endsWith("ceph-csi/app/externalsecret.yaml")));
    }
  }

  @Test
  void offersConvertAsARefactorOnAnyExternalSecretWithoutAFinding() throws Exception {
    Path repo = example("layered");
    try (LspSession session = LspSession.start(repo)) {
      // A clean file gets no diagnostics to wait for; requests are answered on the indexed
      // workspace.
      List<CodeAction> actions = actionsAt(session, repo, APP_SECRET, 3);
      CodeAction convert =
          actions.stream()
              .filter(a -> a.getTitle().startsWith("Convert to SOPS Secret"))
              .findFirst()
              .orElseThrow();
      assertEquals("refactor.rewrite", convert.getKind());
      assertNull(convert.getIsPreferred());
    }
  }

  @Test
  void withholdsTheMigrationFromClientsWithoutFileOperations() throws Exception {
    Path repo = example("broken");
    try (LspSession session =
        LspSession.start(repo, p -> p.setCapabilities(new ClientCapabilities()))) {
      session.client.awaitDiagnostics(
          repo.resolve(EXTERNAL_SECRET).toUri().toString(), d -> !d.isEmpty());
      List<CodeAction> actions = actionsAt(session, repo, EXTERNAL_SECRET, 10);
      assertTrue(
          actions.stream().noneMatch(a -> a.getTitle().startsWith("Convert to SOPS Secret")));
      assertTrue(actions.stream().anyMatch(a -> a.getTitle().startsWith("Suppress")));
    }
  }
}
