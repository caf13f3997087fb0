package dev.strata.syntax;

import java.io.Reader;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Feeds snakeyaml the text up to its next character that YAML forbids, then fails there. snakeyaml
 * checks a whole read-ahead buffer at once, so without this bound a control character would discard
 * the documents that precede it in the same buffer; this way the failure comes only when the
 * scanner reaches it.
 */
final class PrintableReader extends Reader {
  /**
   * The scanner reached a character YAML forbids; {@code offset} is its UTF-16 offset in the text.
   */
  static final class ForbiddenCharacterException extends RuntimeException {
    final int offset;

    ForbiddenCharacterException(int offset, int codePoint) {
      super(
          String.format("special character U+%04X is not allowed", codePoint), null, false, false);
      this.offset = offset;
    }
  }

  private final String text;
  private final int bound;
  private int position;

  /**
   * Reads from {@code start} and fails at {@code bound}, the first forbidden character or the
   * text's end.
   */
  PrintableReader(String text, int start, int bound) {
    this.text = text;
    this.position = start;
    this.bound = bound;
  }

  /**
   * The offset of the first character YAML forbids at or after {@code from}, or the text's length.
   */
  static int firstForbidden(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!StreamReader.isPrintable(codePoint)) {
        return i;
      }
      i += Character.charCount(codePoint);
    }
    return text.length();
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (position == bound && bound < text.length()) {
      throw new ForbiddenCharacterException(bound, text.codePointAt(bound));
    }
    int count = Math.min(length, bound - position);
    if (count <= 0) {
      return length == 0 ? 0 : -1;
    }
    text.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }

  @Override
  public void close() {}
}
