package dev.strata.workspace;

import dev.strata.text.Range;

/** Something the loader noticed about a file: skipped as too large, not UTF-8, unreadable. */
public record FileNote(Kind kind, String message, Range range) {
  public enum Kind {
    SKIPPED,
    ENCODING
  }
}
