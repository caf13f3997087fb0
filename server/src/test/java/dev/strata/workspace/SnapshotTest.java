package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  private static final Path ROOT = Path.of("/repo").toAbsolutePath();
  private static final String TEMPLATE = "charts/app/templates/deployment.yaml";
  private static final String TEMPLATE_TEXT =
      "metadata:\n  name: {{ include \"app.fullname\" . }}\n  labels:\n    {{- include \"x\" . }}\n";

  @Test
  void keepsHelmChartTemplatesAsFilesThatAreNeverParsed() {
    Snapshot snapshot =
        Snapshot.of(
            ROOT,
            List.of(
                SourceFile.parse("charts/app/Chart.yaml", "name: app\n"),
                SourceFile.parse(TEMPLATE, TEMPLATE_TEXT)),
            List.of());
    assertTrue(snapshot.file(TEMPLATE).isEmpty());
    assertTrue(snapshot.exists(TEMPLATE));
  }

  @Test
  void keepsAnEditedChartTemplateOutOfTheParsedFiles() {
    Snapshot snapshot =
        Snapshot.of(
            ROOT, List.of(SourceFile.parse("charts/app/Chart.yaml", "name: app\n")), List.of());
    Snapshot edited = snapshot.withFile(SourceFile.parse(TEMPLATE, TEMPLATE_TEXT));
    assertTrue(edited.file(TEMPLATE).isEmpty());
    assertTrue(edited.exists(TEMPLATE));
  }

  @Test
  void parsesATemplatesFolderThatBelongsToNoChart() {
    Snapshot snapshot =
        Snapshot.of(
            ROOT,
            List.of(SourceFile.parse("kubernetes/templates/ks.yaml", "kind: Kustomization\n")),
            List.of());
    assertFalse(snapshot.file("kubernetes/templates/ks.yaml").isEmpty());
  }
}
