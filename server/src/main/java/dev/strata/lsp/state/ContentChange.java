package dev.strata.lsp.state;

import dev.strata.text.LineIndex;
import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/**
 * One edit of an open document as the client sent it: a range and its new text, or the whole text.
 */
public record ContentChange(Optional<Range> range, String text) {
  /** Applies changes in order, each to the result of the one before, as the protocol defines. */
  public static String apply(String text, List<ContentChange> changes) {
    String result = text;
    for (ContentChange change : changes) {
      result = change.applyTo(result);
    }
    return result;
  }

  private String applyTo(String current) {
    if (range.isEmpty()) {
      return text;
    }
    LineIndex lines = LineIndex.of(current);
    // Positions past the end of a line or the text are clamped, as the protocol asks of servers.
    int start = lines.offset(range.get().start(), current);
    int end = Math.max(start, lines.offset(range.get().end(), current));
    return current.substring(0, start) + text + current.substring(end);
  }
}
