package dev.strata.text;

/** A half-open range between two positions of one text. */
public record Range(Position start, Position end) implements Comparable<Range> {
  public static final Range ZERO = new Range(Position.ZERO, Position.ZERO);

  public Range {
    if (end.compareTo(start) < 0) {
      end = start;
    }
  }

  public static Range of(int startLine, int startChar, int endLine, int endChar) {
    return new Range(new Position(startLine, startChar), new Position(endLine, endChar));
  }

  public static Range at(Position position) {
    return new Range(position, position);
  }

  /** True when the position lies inside this range, its end included (a cursor after a word). */
  public boolean contains(Position position) {
    return start.compareTo(position) <= 0 && position.compareTo(end) <= 0;
  }

  @Override
  public int compareTo(Range other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
