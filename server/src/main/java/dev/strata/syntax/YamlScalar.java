package dev.strata.syntax;

import dev.strata.text.Range;

/** A scalar with its text after YAML unescaping and folding, and its presentation style. */
public record YamlScalar(String value, Style style, Range range) implements YamlNode {
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  /** True for the plain scalars YAML reads as null: empty, {@code ~}, {@code null}. */
  public boolean isNull() {
    return style == Style.PLAIN
        && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
  }
}
