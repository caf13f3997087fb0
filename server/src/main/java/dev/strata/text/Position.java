package dev.strata.text;

/** A zero-based line and a zero-based column counted in UTF-16 code units, as LSP counts. */
public record Position(int line, int character) implements Comparable<Position> {
  public static final Position ZERO = new Position(0, 0);

  public Position {
    if (line < 0 || character < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + character);
    }
  }

  public static Position of(int line, int character) {
    return new Position(line, character);
  }

  @Override
  public int compareTo(Position other) {
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(character, other.character);
  }

  @Override
  public String toString() {
    return line + ":" + character;
  }
}
