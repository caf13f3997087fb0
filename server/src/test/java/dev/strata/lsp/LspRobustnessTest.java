package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspRobustnessTest {
  private static final String A = "kubernetes/apps/a/ks.yaml";
  private static final String B = "kubernetes/apps/b/ks.yaml";

  @TempDir Path root;

  private static boolean hasCycle(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.getCode().getLeft().equals("dependency-cycle"));
  }

  @Test
  void burstOfEditsEndsInTheStateOfTheLastText() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspRobustnessTest::hasCycle);
      session.open(fixture, A);
      int version = 1;
      // Type a comment one character at a time at the top of the file, then break the cycle.
      for (int i = 0; i < 500; i++) {
        String text = i == 0 ? "#" : "x";
        session.replace(fixture, A, ++version, LspSession.range(0, i, 0, i), text);
      }
      session.replace(fixture, A, ++version, LspSession.range(0, 500, 0, 500), "\n");
      session.replace(fixture, A, ++version, LspSession.range(7, 0, 9, 0), "");
      session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty);
      session.client.awaitDiagnostics(fixture.uri(A), List::isEmpty);
    }
  }

  @Test
  void unknownUrisAndPositionsOutOfRangeAnswerNothing() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      var documents = session.server.getTextDocumentService();
      assertNull(
          documents
              .hover(
                  new HoverParams(
                      new TextDocumentIdentifier("file:///nowhere/x.yaml"), new Position(0, 0)))
              .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertNull(
          documents
              .hover(
                  new HoverParams(
                      new TextDocumentIdentifier(fixture.uri(A)), new Position(900, 900)))
              .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertNull(
          documents
              .hover(
                  new HoverParams(
                      new TextDocumentIdentifier("untitled:Untitled-1"), new Position(0, 0)))
              .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void requestsWithoutADocumentOrPositionAreInvalidParams() throws Exception {
    Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      var documents = session.server.getTextDocumentService();
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () ->
                  documents
                      .hover(new HoverParams())
                      .get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertEquals(
          org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams.getValue(),
          ((org.eclipse.lsp4j.jsonrpc.ResponseErrorException) refused.getCause())
              .getResponseError()
              .getCode());
    }
  }

  @Test
  void requestsAfterShutdownAreRefused() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.server.shutdown().get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      var hover =
          session
              .server
              .getTextDocumentService()
              .hover(
                  new HoverParams(new TextDocumentIdentifier(fixture.uri(A)), new Position(3, 9)));
      assertThrows(
          ExecutionException.class,
          () -> hover.get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      session.server.exit();
      assertEquals(0, session.exitCode.get(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }
}
