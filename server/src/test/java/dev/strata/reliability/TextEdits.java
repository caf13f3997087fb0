package dev.strata.reliability;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The client's side of incremental sync: LSP positions (UTF-16, zero-based) to offsets, edits
 * applied.
 */
final class TextEdits {
  private TextEdits() {}

  static int offset(String text, Position position) {
    int line = 0;
    int offset = 0;
    while (line < position.getLine()) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
      line++;
    }
    int end = text.indexOf('\n', offset);
    int lineEnd = end < 0 ? text.length() : end;
    return Math.min(offset + position.getCharacter(), lineEnd);
  }

  static Position position(String text, int offset) {
    int line = 0;
    int start = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        start = i + 1;
      }
    }
    return new Position(line, offset - start);
  }

  static String apply(String text, Range range, String replacement) {
    int start = offset(text, range.getStart());
    int end = offset(text, range.getEnd());
    return text.substring(0, start) + replacement + text.substring(end);
  }

  /** The range between two offsets, never splitting a surrogate pair or a CRLF. */
  static Range range(String text, int start, int end) {
    return new Range(position(text, safe(text, start)), position(text, safe(text, end)));
  }

  private static int safe(String text, int offset) {
    if (offset > 0
        && offset < text.length()
        && (Character.isLowSurrogate(text.charAt(offset))
            || text.charAt(offset) == '\n' && text.charAt(offset - 1) == '\r')) {
      return offset - 1;
    }
    return offset;
  }
}
