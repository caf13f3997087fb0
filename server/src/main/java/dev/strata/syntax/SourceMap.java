package dev.strata.syntax;

import dev.strata.text.LineIndex;
import dev.strata.text.Position;
import dev.strata.text.Range;
import java.util.Arrays;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Turns snakeyaml's code-point indexes into UTF-16 positions. Only the offsets of surrogate pairs
 * are stored, so text without them takes the fast path and a lookup never costs more than a binary
 * search.
 */
final class SourceMap {
  private final String text;
  private final LineIndex lines;
  private final int[] pairs;
  private final int chunkStart;
  private final int firstPair;

  private SourceMap(String text, LineIndex lines, int[] pairs, int chunkStart) {
    this.text = text;
    this.lines = lines;
    this.pairs = pairs;
    this.chunkStart = chunkStart;
    int found = Arrays.binarySearch(pairs, chunkStart);
    this.firstPair = found >= 0 ? found : -found - 1;
  }

  static SourceMap of(String text, LineIndex lines) {
    int[] pairs = new int[0];
    int count = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      if (Character.isHighSurrogate(text.charAt(i))
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (count == pairs.length) {
          pairs = Arrays.copyOf(pairs, Math.max(16, count * 2));
        }
        pairs[count++] = i++;
      }
    }
    return new SourceMap(text, lines, Arrays.copyOf(pairs, count), 0);
  }

  /** The same text read from a later offset, as after a resync. */
  SourceMap from(int offset) {
    return new SourceMap(text, lines, pairs, offset);
  }

  Position position(Optional<Mark> mark) {
    return lines.position(offset(mark));
  }

  /**
   * snakeyaml ends a block scalar after its final line break, at the start of the next line; ending
   * it on its own last line keeps a cursor on the following key from landing inside the scalar.
   */
  Range withoutFinalBreak(Range range) {
    Position end = range.end();
    if (end.character() != 0 || end.line() <= range.start().line()) {
      return range;
    }
    int line = end.line() - 1;
    return new Range(
        range.start(), new Position(line, lines.lineEnd(line, text) - lines.lineStart(line)));
  }

  int offset(Optional<Mark> mark) {
    return mark.map(m -> offset(m.getIndex())).orElse(chunkStart);
  }

  /** Each surrogate pair before the code point adds one UTF-16 unit to its offset. */
  int offset(int codePointIndex) {
    int low = 0;
    int high = pairs.length - firstPair;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (pairCodePointIndex(mid) < codePointIndex) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return chunkStart + codePointIndex + low;
  }

  private int pairCodePointIndex(int nth) {
    return pairs[firstPair + nth] - chunkStart - nth;
  }
}
