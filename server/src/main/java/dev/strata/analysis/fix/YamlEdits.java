package dev.strata.analysis.fix;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Structural edits on YAML text: remove sequence items or mapping entries, append sequence items,
 * insert lines. Block collections are edited by whole lines, so comments on the removed lines go
 * with them and every other line is kept byte for byte; flow collections are rewritten from the
 * source of their kept members.
 */
final class YamlEdits {
  private YamlEdits() {}

  /** Removes an entry of a mapping, with every line of its value. */
  static void removeEntry(FileEdits edits, YamlMapping parent, YamlMapping.Entry entry) {
    YamlText text = edits.source();
    if (parent.flow()) {
      List<String> kept = new ArrayList<>();
      for (YamlMapping.Entry other : parent.entries()) {
        if (other != entry) {
          kept.add(
              text.text()
                  .substring(
                      text.offset(other.key().range().start()),
                      text.offset(YamlText.contentEnd(other.value()))));
        }
      }
      replaceNode(edits, parent, "{" + String.join(", ", kept) + "}");
      return;
    }
    removeLines(
        edits,
        entry.key().range().start().line(),
        Math.max(YamlText.lastLine(entry.value()), entry.key().range().end().line()));
  }

  /**
   * Removes some items of a sequence held by {@code entry}; the whole entry goes when none is left.
   */
  static void removeItems(
      FileEdits edits, YamlMapping parent, YamlMapping.Entry entry, Set<YamlNode> remove) {
    YamlSequence sequence = (YamlSequence) entry.value();
    List<YamlNode> kept = sequence.items().stream().filter(i -> !remove.contains(i)).toList();
    if (kept.isEmpty()) {
      removeEntry(edits, parent, entry);
    } else if (sequence.flow()) {
      YamlText text = edits.source();
      replaceNode(
          edits,
          sequence,
          "[" + kept.stream().map(text::source).collect(Collectors.joining(", ")) + "]");
    } else {
      for (YamlNode item : sequence.items()) {
        if (remove.contains(item)) {
          removeLines(edits, item.range().start().line(), YamlText.lastLine(item));
        }
      }
    }
  }

  /** Appends mappings of plain scalars to a sequence, in the style of its last item. */
  static void appendItems(FileEdits edits, YamlSequence sequence, List<Map<String, String>> items) {
    YamlText text = edits.source();
    if (sequence.flow()) {
      String flow = items.stream().map(YamlEdits::flowMapping).collect(Collectors.joining(", "));
      if (sequence.items().isEmpty()) {
        replaceNode(edits, sequence, "[" + flow + "]");
      } else {
        YamlNode last = sequence.items().get(sequence.items().size() - 1);
        edits.insert(text.offset(YamlText.contentEnd(last)), ", " + flow);
      }
      return;
    }
    YamlNode last = sequence.items().get(sequence.items().size() - 1);
    int dash = YamlText.dashColumn(sequence);
    int keyColumn =
        last.range().start().character() > dash ? last.range().start().character() : dash + 2;
    boolean flowItems = last instanceof YamlMapping mapping && mapping.flow();
    List<String> lines = new ArrayList<>();
    for (Map<String, String> item : items) {
      lines.addAll(blockItem(dash, keyColumn, item, flowItems));
    }
    insertLinesAfter(edits, YamlText.lastLine(sequence), lines);
  }

  /**
   * The lines of one block sequence item: {@code - name: a} and its other keys under {@code name}.
   */
  static List<String> blockItem(int dash, int keyColumn, Map<String, String> item, boolean flow) {
    if (flow) {
      return List.of(YamlText.spaces(dash) + "- " + flowMapping(item));
    }
    List<String> lines = new ArrayList<>();
    String first = YamlText.spaces(dash) + "-" + YamlText.spaces(keyColumn - dash - 1);
    for (Map.Entry<String, String> field : item.entrySet()) {
      lines.add(
          (lines.isEmpty() ? first : YamlText.spaces(keyColumn))
              + field.getKey()
              + ": "
              + field.getValue());
    }
    return lines;
  }

  static String flowMapping(Map<String, String> item) {
    return item.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * Inserts whole lines after {@code line}, in the file's line breaks, even when that line has
   * none.
   */
  static void insertLinesAfter(FileEdits edits, int line, List<String> lines) {
    YamlText text = edits.source();
    String newline = text.newline();
    if (text.unterminated(line)) {
      edits.insert(text.lineEnd(line), newline + String.join(newline, lines));
    } else {
      edits.insert(
          text.nextLineStart(line),
          lines.stream().map(l -> l + newline).collect(Collectors.joining()));
    }
  }

  /** Deletes lines {@code first} to {@code last} with their line breaks. */
  static void removeLines(FileEdits edits, int first, int last) {
    YamlText text = edits.source();
    int start = text.lineStart(first);
    int end = text.nextLineStart(last);
    if (text.unterminated(last) && first > 0) {
      start = text.lineEnd(first - 1);
    }
    edits.delete(start, end);
  }

  static void replaceNode(FileEdits edits, YamlNode node, String replacement) {
    YamlText text = edits.source();
    edits.replace(text.offset(node.range().start()), text.offset(node.range().end()), replacement);
  }
}
