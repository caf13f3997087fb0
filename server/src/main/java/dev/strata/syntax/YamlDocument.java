package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.Optional;

/**
 * One document of a YAML stream. {@code index} counts documents from zero in stream order; the root
 * is empty for an empty document. {@code range} spans the document's content.
 */
public record YamlDocument(int index, Optional<YamlNode> root, Range range) {
  public Optional<YamlMapping> mapping() {
    return root.filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
  }
}
