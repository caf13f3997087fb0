package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspWorkspaceTest {
  private static final String A = "kubernetes/apps/a/ks.yaml";
  private static final String B = "kubernetes/apps/b/ks.yaml";

  @TempDir Path root;
  @TempDir Path other;

  private static boolean hasCycle(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.getCode().getLeft().equals("dependency-cycle"));
  }

  @Test
  void registersFileWatchersAndReportsIndexingProgress() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspWorkspaceTest::hasCycle);
      var registration = session.client.registrations.get(0).getRegistrations().get(0);
      assertEquals("workspace/didChangeWatchedFiles", registration.getMethod());
      String options = registration.getRegisterOptions().toString();
      assertTrue(
          options.contains("**/*.{yaml,yml}") && options.contains("**/.strata.yaml"), options);
      ProgressParams begin =
          session.client.progress.poll(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(begin);
      assertTrue(begin.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressBegin);
    }
  }

  @Test
  void diskChangeOfAClosedFileUpdatesDiagnostics() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(B), LspWorkspaceTest::hasCycle);
      Files.writeString(
          root.resolve(A), fixture.text(A).replace("  dependsOn:\n    - name: b\n", ""));
      session
          .server
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(fixture.uri(A), FileChangeType.Changed))));
      session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty);
    }
  }

  @Test
  void deletedFileDisappearsFromTheWorkspace() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      session.client.awaitDiagnostics(fixture.uri(A), LspWorkspaceTest::hasCycle);
      Files.delete(root.resolve(B));
      session
          .server
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(fixture.uri(B), FileChangeType.Deleted))));
      session.client.awaitDiagnostics(fixture.uri(B), List::isEmpty);
      session.client.awaitDiagnostics(fixture.uri(A), d -> !hasCycle(d));
    }
  }

  @Test
  void addedAndRemovedFoldersPublishAndClearTheirFindings() throws Exception {
    Fixture.write(root, "#- empty.yaml\n{}\n");
    Fixture second = Fixture.write(other, Repositories.CYCLE);
    try (LspSession session = LspSession.start(root)) {
      WorkspaceFolder folder = new WorkspaceFolder(other.toUri().toString(), "other");
      session
          .server
          .getWorkspaceService()
          .didChangeWorkspaceFolders(
              new DidChangeWorkspaceFoldersParams(
                  new WorkspaceFoldersChangeEvent(List.of(folder), List.of())));
      session.client.awaitDiagnostics(second.uri(B), LspWorkspaceTest::hasCycle);
      session
          .server
          .getWorkspaceService()
          .didChangeWorkspaceFolders(
              new DidChangeWorkspaceFoldersParams(
                  new WorkspaceFoldersChangeEvent(List.of(), List.of(folder))));
      session.client.awaitDiagnostics(second.uri(B), List::isEmpty);
    }
  }

  @Test
  void rootUriServesWhenThereAreNoWorkspaceFolders() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    try (LspSession session =
        LspSession.start(
            root,
            p -> {
              p.setWorkspaceFolders(null);
              p.setRootUri(root.toUri().toString());
            })) {
      session.client.awaitDiagnostics(fixture.uri(B), LspWorkspaceTest::hasCycle);
    }
  }

  @Test
  void pullsSettingsWithWorkspaceConfiguration() throws Exception {
    Fixture fixture = Fixture.write(root, Repositories.CYCLE);
    com.google.gson.JsonObject rules = new com.google.gson.JsonObject();
    rules.addProperty("dependency-cycle", "hint");
    com.google.gson.JsonObject settings = new com.google.gson.JsonObject();
    settings.add("rules", rules);
    settings.addProperty("debounceMs", 0);
    try (LspSession session =
        LspSession.start(
            root,
            p -> {
              p.getCapabilities().getWorkspace().setConfiguration(true);
            })) {
      session.client.configuration = settings;
      session
          .server
          .getWorkspaceService()
          .didChangeConfiguration(
              new org.eclipse.lsp4j.DidChangeConfigurationParams(new com.google.gson.JsonObject()));
      session.client.awaitDiagnostics(
          fixture.uri(B),
          d -> !d.isEmpty() && d.get(0).getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Hint);
      assertEquals(
          "strata",
          session
              .client
              .configurationRequests
              .poll(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .getItems()
              .get(0)
              .getSection());
    }
  }
}
