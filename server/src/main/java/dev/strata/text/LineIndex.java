package dev.strata.text;

import java.util.Arrays;

/**
 * Maps between UTF-16 offsets of a text and LSP positions. Lines end at {@code \n}, {@code \r\n} or
 * a lone {@code \r}, as LSP defines them.
 */
public final class LineIndex {
  private final int[] lineStarts;
  private final int length;

  private LineIndex(int[] lineStarts, int length) {
    this.lineStarts = lineStarts;
    this.length = length;
  }

  public static LineIndex of(CharSequence text) {
    int[] starts = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineIndex(Arrays.copyOf(starts, count), n);
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int length() {
    return length;
  }

  public int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
  }

  /** The offset just past the last character of the line, before its line break. */
  public int lineEnd(int line, CharSequence text) {
    if (line + 1 >= lineStarts.length) {
      return length;
    }
    int end = lineStarts[line + 1];
    if (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > 0 && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int line = Arrays.binarySearch(lineStarts, clamped);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, clamped - lineStarts[line]);
  }

  /**
   * The offset of a position, clamped to the text: positions past a line's end land on that end.
   */
  public int offset(Position position, CharSequence text) {
    if (position.line() >= lineStarts.length) {
      return length;
    }
    int start = lineStarts[position.line()];
    return Math.min(start + position.character(), lineEnd(position.line(), text));
  }
}
