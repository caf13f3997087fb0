package dev.strata.analysis;

import dev.strata.text.LineIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code # strata-ignore: <rule-id>[, <rule-id>]} comments of one file: on a line of its own it
 * silences the next line, at the end of a line it silences that line; {@code # strata-ignore-file:}
 * silences the rule everywhere in the file.
 */
final class Suppressions {
  static final String LINE_MARKER = "strata-ignore:";
  static final String FILE_MARKER = "strata-ignore-file:";
  private static final Suppressions NONE = new Suppressions(Map.of(), Set.of());

  private final Map<Integer, Set<String>> byLine;
  private final Set<String> wholeFile;

  private Suppressions(Map<Integer, Set<String>> byLine, Set<String> wholeFile) {
    this.byLine = byLine;
    this.wholeFile = wholeFile;
  }

  static Suppressions of(String text) {
    if (!text.contains("strata-ignore")) {
      return NONE;
    }
    Map<Integer, Set<String>> byLine = new HashMap<>();
    Set<String> wholeFile = new HashSet<>();
    LineIndex lines = LineIndex.of(text);
    for (int line = 0; line < lines.lineCount(); line++) {
      String content = text.substring(lines.lineStart(line), lines.lineEnd(line, text));
      int hash = content.indexOf('#');
      if (hash < 0 || !content.contains("strata-ignore")) {
        continue;
      }
      String comment = content.substring(hash + 1).trim();
      boolean ownLine = content.substring(0, hash).isBlank();
      if (comment.startsWith(FILE_MARKER)) {
        wholeFile.addAll(ids(comment.substring(FILE_MARKER.length())));
      } else if (comment.startsWith(LINE_MARKER)) {
        int target = ownLine ? line + 1 : line;
        byLine
            .computeIfAbsent(target, k -> new HashSet<>())
            .addAll(ids(comment.substring(LINE_MARKER.length())));
      }
    }
    return new Suppressions(byLine, wholeFile);
  }

  private static Set<String> ids(String list) {
    Set<String> result = new HashSet<>();
    for (String id : list.split(",")) {
      String trimmed = id.trim();
      int space = trimmed.indexOf(' ');
      if (!trimmed.isEmpty()) {
        result.add(space < 0 ? trimmed : trimmed.substring(0, space));
      }
    }
    return result;
  }

  boolean suppresses(String rule, int line) {
    return wholeFile.contains(rule) || byLine.getOrDefault(line, Set.of()).contains(rule);
  }
}
