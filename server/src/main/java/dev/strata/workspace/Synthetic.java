package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlNodes;
import dev.strata.syntax.YamlParser;
import dev.strata.text.Range;
import java.util.Optional;

/**
 * Documents that no file holds but that Flux creates: the ConfigMaps and Secrets of generators, the
 * source and Kustomization of a FluxInstance's sync, what a ResourceSet renders. Each is written as
 * YAML, read like any document, and placed at the range that explains it, so findings about it
 * point at real text.
 */
final class Synthetic {
  private Synthetic() {}

  /** A YAML double-quoted scalar: JSON string syntax, which YAML reads unchanged. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The manifest of one YAML document, every range moved to {@code at}. */
  static Optional<Manifest> manifest(String yaml, Range at, int document) {
    YamlFile file = YamlParser.parse(yaml);
    if (file.documents().isEmpty() || file.documents().get(0).root().isEmpty()) {
      return Optional.empty();
    }
    return manifest(file.documents().get(0).root().get(), at, document);
  }

  /** The manifest of a node read elsewhere, every range moved to {@code at}. */
  static Optional<Manifest> manifest(YamlNode node, Range at, int document) {
    YamlNode placed = YamlNodes.relocate(node, at);
    return ManifestReader.read(
        new YamlDocument(document, Optional.of(placed), at), "generated.yaml");
  }
}
