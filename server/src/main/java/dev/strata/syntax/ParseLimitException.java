package dev.strata.syntax;

/**
 * A limit of {@link ParseLimits} was reached; a {@code fatal} one ends the file, not only the
 * document.
 */
final class ParseLimitException extends RuntimeException {
  private final int offset;
  private final boolean fatal;

  ParseLimitException(String message, int offset, boolean fatal) {
    super(message, null, false, false);
    this.offset = offset;
    this.fatal = fatal;
  }

  int offset() {
    return offset;
  }

  boolean fatal() {
    return fatal;
  }
}
