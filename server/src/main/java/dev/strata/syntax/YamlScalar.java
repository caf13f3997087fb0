package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.Objects;

/**
 * A scalar with its text after YAML unescaping and folding, its presentation style and its range.
 * Equal when value, style and range are equal, as a record of the three would be.
 *
 * <p>A repository of 20,000 files holds close to a million scalars, so the range is kept as four
 * ints in the node rather than as an object of its own, and the style in the top bits of the last
 * one: 32 bytes a scalar instead of 56. A column past {@value #MAX_COLUMN} (a line of 268 million
 * characters) is kept as that column.
 */
public final class YamlScalar implements YamlNode {
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  private static final Style[] STYLES = Style.values();
  private static final int STYLE_SHIFT = 28;
  static final int MAX_COLUMN = (1 << STYLE_SHIFT) - 1;

  private final String value;
  private final int startLine;
  private final int startCharacter;
  private final int endLine;
  // The end column in the low 28 bits, the style's ordinal above them.
  private final int endCharacterAndStyle;

  public YamlScalar(String value, Style style, Range range) {
    this.value = value;
    this.startLine = range.startLine();
    this.startCharacter = range.startCharacter();
    this.endLine = range.endLine();
    this.endCharacterAndStyle =
        Math.min(range.endCharacter(), MAX_COLUMN) | style.ordinal() << STYLE_SHIFT;
  }

  public String value() {
    return value;
  }

  public Style style() {
    return STYLES[endCharacterAndStyle >>> STYLE_SHIFT];
  }

  @Override
  public Range range() {
    return Range.of(startLine, startCharacter, endLine, endCharacterAndStyle & MAX_COLUMN);
  }

  /** True for the plain scalars YAML reads as null: empty, {@code ~}, {@code null}. */
  public boolean isNull() {
    return style() == Style.PLAIN
        && value != null
        && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof YamlScalar s
            && endCharacterAndStyle == s.endCharacterAndStyle
            && startLine == s.startLine
            && startCharacter == s.startCharacter
            && endLine == s.endLine
            && Objects.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    int range = Range.hash(startLine, startCharacter, endLine, endCharacterAndStyle & MAX_COLUMN);
    return (31 * Objects.hashCode(value) + (endCharacterAndStyle >>> STYLE_SHIFT)) * 31 + range;
  }

  @Override
  public String toString() {
    return "YamlScalar[value=" + value + ", style=" + style() + ", range=" + range() + "]";
  }
}
