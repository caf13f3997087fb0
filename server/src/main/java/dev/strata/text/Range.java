package dev.strata.text;

/**
 * A half-open range between two positions of one text.
 *
 * <p>Every node of every parsed file carries one, a million in a 20,000-file repository, so a range
 * keeps its four numbers itself rather than two {@link Position} objects (32 bytes instead of 72);
 * {@link #start()} and {@link #end()} make the positions when asked.
 */
public final class Range implements Comparable<Range> {
  public static final Range ZERO = new Range(Position.ZERO, Position.ZERO);

  private final int startLine;
  private final int startCharacter;
  private final int endLine;
  private final int endCharacter;

  /** The range from {@code start} to {@code end}; an end before the start is the start. */
  public Range(Position start, Position end) {
    this.startLine = start.line();
    this.startCharacter = start.character();
    boolean backwards = end.compareTo(start) < 0;
    this.endLine = backwards ? start.line() : end.line();
    this.endCharacter = backwards ? start.character() : end.character();
  }

  public static Range of(int startLine, int startChar, int endLine, int endChar) {
    return new Range(new Position(startLine, startChar), new Position(endLine, endChar));
  }

  public static Range at(Position position) {
    return new Range(position, position);
  }

  public int startLine() {
    return startLine;
  }

  public int startCharacter() {
    return startCharacter;
  }

  public int endLine() {
    return endLine;
  }

  public int endCharacter() {
    return endCharacter;
  }

  public Position start() {
    return new Position(startLine, startCharacter);
  }

  public Position end() {
    return new Position(endLine, endCharacter);
  }

  /** True when the position lies inside this range, its end included (a cursor after a word). */
  public boolean contains(Position position) {
    return compare(startLine, startCharacter, position.line(), position.character()) <= 0
        && compare(position.line(), position.character(), endLine, endCharacter) <= 0;
  }

  @Override
  public int compareTo(Range other) {
    int byStart = compare(startLine, startCharacter, other.startLine, other.startCharacter);
    return byStart != 0
        ? byStart
        : compare(endLine, endCharacter, other.endLine, other.endCharacter);
  }

  private static int compare(int line, int character, int otherLine, int otherCharacter) {
    return line != otherLine
        ? Integer.compare(line, otherLine)
        : Integer.compare(character, otherCharacter);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Range range
            && startLine == range.startLine
            && startCharacter == range.startCharacter
            && endLine == range.endLine
            && endCharacter == range.endCharacter;
  }

  /** The hash a record of the two positions would have, so that iteration orders do not move. */
  @Override
  public int hashCode() {
    return hash(startLine, startCharacter, endLine, endCharacter);
  }

  /**
   * {@link #hashCode} of the range with these ends, for nodes that keep a range as four ints rather
   * than as a {@code Range}.
   */
  public static int hash(int startLine, int startCharacter, int endLine, int endCharacter) {
    return 31 * (31 * startLine + startCharacter) + (31 * endLine + endCharacter);
  }

  @Override
  public String toString() {
    return startLine + ":" + startCharacter + "-" + endLine + ":" + endCharacter;
  }
}
