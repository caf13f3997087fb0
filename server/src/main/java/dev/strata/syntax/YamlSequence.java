package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.List;

/** A sequence; {@code flow} is true for {@code [a, b]} style. */
public record YamlSequence(List<YamlNode> items, boolean flow, Range range) implements YamlNode {
  public YamlSequence {
    items = List.copyOf(items);
  }
}
