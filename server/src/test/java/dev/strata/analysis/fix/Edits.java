package dev.strata.analysis.fix;

import dev.strata.text.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies text edits to a text the way an editor does: all ranges refer to the text before any
 * edit.
 */
final class Edits {
  private Edits() {}

  static String apply(String text, List<TextEdit> edits) {
    LineIndex lines = LineIndex.of(text);
    record Splice(int start, int end, String text) {}
    List<Splice> splices = new ArrayList<>();
    for (TextEdit edit : edits) {
      splices.add(
          new Splice(
              lines.offset(edit.range().start(), text),
              lines.offset(edit.range().end(), text),
              edit.newText()));
    }
    splices.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
    for (int i = 1; i < splices.size(); i++) {
      if (splices.get(i).start() < splices.get(i - 1).end()
          || splices.get(i).start() == splices.get(i - 1).start()) {
        throw new AssertionError("overlapping edits: " + edits);
      }
    }
    StringBuilder result = new StringBuilder(text);
    for (int i = splices.size() - 1; i >= 0; i--) {
      Splice splice = splices.get(i);
      result.replace(splice.start(), splice.end(), splice.text());
    }
    return result.toString();
  }
}
