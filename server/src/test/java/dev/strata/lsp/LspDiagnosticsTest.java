package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspDiagnosticsTest {
  private static final String A = "kubernetes/apps/a/ks.yaml";
  private static final String B = "kubernetes/apps/b/ks.yaml";

  @TempDir Path root;

  private static boolean hasCycle(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.getCode().getLeft().equals("dependency-cycle"));
  }

  @Test
  void publishesCycleOnFileNeverOpened() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      List<Diagnostic> diagnostics =
          session.client.awaitDiagnostics(fixture.uri(B), LspDiagnosticsTest::hasCycle);
      Diagnostic cycle = diagnostics.get(0);
      assertEquals("strata", cycle.getSource());
      assertEquals(DiagnosticSeverity.Error, cycle.getSeverity());
      assertEquals(
          "https://strata.dev/rules/dependency-cycle", cycle.getCodeDescription().getHref());
      assertEquals(LspSession.range(7, 12, 7, 13), cycle.getRange());
      assertTrue(
          cycle.getMessage().getLeft().contains("flux-system/a -> flux-system/b -> flux-system/a"),
          cycle.getMessage().getLeft());
      assertTrue(
          cycle.getRelatedInformation().stream()
              .anyMatch(r -> r.getLocation().getUri().equals(fixture.uri(A))));
    }
  }

  @Test
  void editThatRemovesDependsOnClearsCycleInOtherFile() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspDiagnosticsTest::hasCycle);
      session.open(fixture, A);
      // Lines 6-7 hold "  dependsOn:\n    - name: b\n".
      session.replace(fixture, A, 2, LspSession.range(6, 0, 8, 0), "");
      assertEquals(List.of(), session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty));
      assertEquals(List.of(), session.client.awaitDiagnostics(fixture.uri(A), List::isEmpty));
    }
  }

  @Test
  void closingRevertsToDiskAndBringsTheCycleBack() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspDiagnosticsTest::hasCycle);
      session.open(fixture, A);
      session.replace(fixture, A, 2, LspSession.range(6, 0, 8, 0), "");
      session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty);
      session.close(fixture, A);
      session.client.awaitDiagnostics(fixture.uri(B), LspDiagnosticsTest::hasCycle);
    }
  }

  @Test
  void settingsTurnARuleOff() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspDiagnosticsTest::hasCycle);
      com.google.gson.JsonObject rules = new com.google.gson.JsonObject();
      rules.addProperty("dependency-cycle", "off");
      com.google.gson.JsonObject strata = new com.google.gson.JsonObject();
      strata.add("rules", rules);
      strata.addProperty("debounceMs", 0);
      com.google.gson.JsonObject settings = new com.google.gson.JsonObject();
      settings.add("strata", strata);
      session
          .server
          .getWorkspaceService()
          .didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
      session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty);
    }
  }
}
