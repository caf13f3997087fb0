package dev.strata.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.text.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeFinderTest {
  private static final String TEXT =
      """
      kind: Kustomization
      spec:
        dependsOn:
          - name: infra
      ---
      kind: HelmRelease
      """;

  private static List<String> describe(List<YamlNode> path) {
    return path.stream()
        .map(node -> node instanceof YamlScalar s ? s.value() : node.getClass().getSimpleName())
        .toList();
  }

  @Test
  void findsThePathFromRootToTheScalarUnderTheCursor() {
    YamlDocument document = YamlParser.parse(TEXT).documents().get(0);
    List<YamlNode> path = NodeFinder.path(document, Position.of(3, 14));
    assertEquals(
        List.of("YamlMapping", "YamlMapping", "YamlSequence", "YamlMapping", "infra"),
        describe(path));
  }

  @Test
  void findsAKeyUnderTheCursor() {
    YamlDocument document = YamlParser.parse(TEXT).documents().get(0);
    List<YamlNode> path = NodeFinder.path(document, Position.of(2, 4));
    assertEquals(List.of("YamlMapping", "YamlMapping", "dependsOn"), describe(path));
  }

  @Test
  void findsNothingOutsideTheDocument() {
    YamlDocument document = YamlParser.parse(TEXT).documents().get(0);
    assertEquals(List.of(), NodeFinder.path(document, Position.of(5, 2)));
  }

  @Test
  void findsTheDocumentUnderTheCursor() {
    YamlFile file = YamlParser.parse(TEXT);
    assertEquals(1, NodeFinder.findDocument(file, Position.of(5, 3)).orElseThrow().index());
  }
}
