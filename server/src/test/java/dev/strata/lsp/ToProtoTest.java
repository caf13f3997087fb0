package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.fix.FileChange;
import dev.strata.analysis.fix.Fix;
import dev.strata.analysis.fix.TextEdit;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.text.Range;
import dev.strata.workspace.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;

class ToProtoTest {
  private static final RootState ROOT =
      RootState.of(Path.of("/repo"), Snapshot.of(Path.of("/repo"), List.of(), List.of()));
  private static final WorkspaceState STATE =
      new WorkspaceState(1, List.of(ROOT), Settings.DEFAULT, Map.of());
  private static final Fix MIGRATION =
      new Fix(
          "Convert to SOPS Secret",
          true,
          false,
          List.of(
              new FileChange.Create("app/secret.sops.yaml", "kind: Secret\n"),
              new FileChange.Edit(
                  "app/kustomization.yaml",
                  List.of(new TextEdit(Range.of(2, 4, 2, 25), "./secret.sops.yaml"))),
              new FileChange.Delete("app/externalsecret.yaml")));

  @Test
  void createAndDeleteBecomeResourceOperationsInOrder() {
    ClientSupport client = new ClientSupport(true, true, true, true, false, false, false);
    WorkspaceEdit edit = ToProto.workspaceEdit(MIGRATION, ROOT, STATE, client).orElseThrow();
    var changes = edit.getDocumentChanges();
    assertEquals(
        "file:///repo/app/secret.sops.yaml",
        ((org.eclipse.lsp4j.CreateFile) changes.get(0).getRight()).getUri());
    assertTrue(changes.get(0).isRight());
    assertEquals(
        "kind: Secret\n", changes.get(1).getLeft().getEdits().get(0).getLeft().getNewText());
    assertEquals(
        "file:///repo/app/kustomization.yaml", changes.get(2).getLeft().getTextDocument().getUri());
    assertTrue(changes.get(3).isRight());
  }

  @Test
  void noEditWhenTheClientCannotCreateFiles() {
    ClientSupport client = new ClientSupport(true, true, false, false, false, false, false);
    assertFalse(ToProto.workspaceEdit(MIGRATION, ROOT, STATE, client).isPresent());
    assertFalse(ToProto.workspaceEdit(MIGRATION, ROOT, STATE, ClientSupport.NONE).isPresent());
  }

  @Test
  void refusesOverlappingEditsButAllowsTwoInsertsAtOnePoint() {
    assertTrue(
        ToProto.overlap(
            List.of(
                new TextEdit(Range.of(1, 0, 1, 5), "a"), new TextEdit(Range.of(1, 3, 1, 8), "b"))));
    assertFalse(
        ToProto.overlap(
            List.of(
                new TextEdit(Range.of(1, 0, 1, 0), "a"), new TextEdit(Range.of(1, 0, 1, 0), "b"))));
    assertFalse(
        ToProto.overlap(
            List.of(
                new TextEdit(Range.of(1, 0, 1, 5), "a"), new TextEdit(Range.of(1, 5, 1, 8), "b"))));
  }
}
