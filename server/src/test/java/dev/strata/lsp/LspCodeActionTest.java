package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspCodeActionTest {
  private static final String A = "kubernetes/apps/a/ks.yaml";

  @TempDir Path root;

  private static List<CodeAction> actions(LspSession session, Fixture fixture) throws Exception {
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(fixture.uri(A)), LspSession.range(7, 12, 7, 13), new CodeActionContext(List.of()));
    return session.server.getTextDocumentService().codeAction(params).get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .stream().map(Either::getRight).toList();
  }

  @Test
  void offersSuppressAsDocumentChangesWhenTheClientSupportsThem() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      CodeAction suppress = actions(session, fixture).stream().filter(a -> a.getTitle().startsWith("Suppress")).findFirst().orElseThrow();
      assertEquals("quickfix", suppress.getKind());
      assertEquals("dependency-cycle", suppress.getDiagnostics().get(0).getCode().getLeft());
      var edit = suppress.getEdit().getDocumentChanges().get(0).getLeft();
      assertEquals(fixture.uri(A), edit.getTextDocument().getUri());
      assertEquals("    # strata-ignore: dependency-cycle\n", edit.getEdits().get(0).getLeft().getNewText());
    }
  }

  @Test
  void fallsBackToChangesWithoutDocumentChanges() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root, p -> p.setCapabilities(new ClientCapabilities()))) {
      CodeAction suppress = actions(session, fixture).stream().filter(a -> a.getTitle().startsWith("Suppress")).findFirst().orElseThrow();
      assertNull(suppress.getEdit().getDocumentChanges());
      assertTrue(suppress.getEdit().getChanges().containsKey(fixture.uri(A)));
    }
  }
}
