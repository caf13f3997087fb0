package dev.strata.analysis.fix;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.LineIndex;
import dev.strata.text.Position;
import dev.strata.workspace.SourceFile;
import java.util.Optional;

/**
 * The text of one YAML file seen through its syntax ranges: offsets of lines and nodes, the file's
 * line break, its indentation step and whether its block sequences are indented under their key.
 * Edits are computed on this text; nothing is ever re-serialised.
 */
final class YamlText {
  private final SourceFile file;
  private final String text;
  private final LineIndex lines;

  YamlText(SourceFile file) {
    this.file = file;
    this.text = file.text();
    this.lines = file.syntax().lines();
  }

  SourceFile file() {
    return file;
  }

  String path() {
    return file.path();
  }

  String text() {
    return text;
  }

  String newline() {
    return newline(text);
  }

  static String newline(String text) {
    int lf = text.indexOf('\n');
    return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
  }

  int offset(Position position) {
    return lines.offset(position, text);
  }

  int lineStart(int line) {
    return lines.lineStart(line);
  }

  int lineEnd(int line) {
    return lines.lineEnd(line, text);
  }

  /** The offset where the line after {@code line} starts; the end of the text on the last line. */
  int nextLineStart(int line) {
    return line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
  }

  /** True when {@code line} is the last one and has no line break after it. */
  boolean unterminated(int line) {
    return line + 1 >= lines.lineCount();
  }

  int lineCount() {
    return lines.lineCount();
  }

  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** The line on which a node's last character of content sits. */
  static int lastLine(YamlNode node) {
    return contentEnd(node).line();
  }

  /**
   * Where a node's content ends: the last scalar of a block collection, the bracket of a flow one.
   */
  static Position contentEnd(YamlNode node) {
    if (node instanceof YamlMapping mapping && !mapping.flow() && !mapping.entries().isEmpty()) {
      YamlMapping.Entry last = mapping.entries().get(mapping.entries().size() - 1);
      Position key = contentEnd(last.key());
      Position value = contentEnd(last.value());
      return value.compareTo(key) > 0 ? value : key;
    }
    if (node instanceof YamlSequence sequence && !sequence.flow() && !sequence.items().isEmpty()) {
      return contentEnd(sequence.items().get(sequence.items().size() - 1));
    }
    return node.range().end();
  }

  /** The column of a block sequence's dashes (its range starts at the first dash). */
  static int dashColumn(YamlSequence sequence) {
    return sequence.range().start().character();
  }

  /**
   * The indentation step of the file: the smallest positive distance between a block mapping's keys
   * and those of a block mapping nested in it; 2 when the file has no nesting.
   */
  int indentUnit() {
    int best = Integer.MAX_VALUE;
    for (var document : file.syntax().documents()) {
      if (document.root().isPresent()) {
        best = Math.min(best, indentUnit(document.root().get(), -1));
      }
    }
    return best == Integer.MAX_VALUE ? 2 : best;
  }

  private static int indentUnit(YamlNode node, int parentColumn) {
    int best = Integer.MAX_VALUE;
    if (node instanceof YamlMapping mapping && !mapping.flow()) {
      int column = mapping.range().start().character();
      if (parentColumn >= 0 && column > parentColumn) {
        best = column - parentColumn;
      }
      for (YamlMapping.Entry entry : mapping.entries()) {
        if (entry.value() instanceof YamlMapping child
            && !child.flow()
            && child.range().start().line() > entry.key().range().start().line()) {
          best = Math.min(best, indentUnit(child, column));
        } else if (entry.value() instanceof YamlSequence || entry.value() instanceof YamlMapping) {
          best = Math.min(best, indentUnit(entry.value(), -1));
        }
      }
    } else if (node instanceof YamlSequence sequence && !sequence.flow()) {
      for (YamlNode item : sequence.items()) {
        best = Math.min(best, indentUnit(item, -1));
      }
    }
    return best;
  }

  /**
   * Whether the file writes block sequences indented under their key ({@code key:\n - a}) rather
   * than at the key's column ({@code key:\n- a}); indented when the file has no block sequence
   * under a key.
   */
  boolean indentedSequences() {
    for (var document : file.syntax().documents()) {
      Optional<Boolean> found = document.root().flatMap(YamlText::indentedSequences);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return true;
  }

  private static Optional<Boolean> indentedSequences(YamlNode node) {
    if (node instanceof YamlMapping mapping && !mapping.flow()) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        if (entry.value() instanceof YamlSequence sequence
            && !sequence.flow()
            && sequence.range().start().line() > entry.key().range().start().line()) {
          return Optional.of(dashColumn(sequence) > entry.key().range().start().character());
        }
        Optional<Boolean> nested = indentedSequences(entry.value());
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node instanceof YamlSequence sequence) {
      for (YamlNode item : sequence.items()) {
        Optional<Boolean> nested = indentedSequences(item);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  /** The text of a scalar without its quotes. */
  int innerStart(YamlScalar scalar) {
    int start = offset(scalar.range().start());
    return quoted(scalar) ? start + 1 : start;
  }

  int innerEnd(YamlScalar scalar) {
    int end = offset(scalar.range().end());
    return quoted(scalar) ? end - 1 : end;
  }

  static boolean quoted(YamlScalar scalar) {
    return scalar.style() == YamlScalar.Style.SINGLE_QUOTED
        || scalar.style() == YamlScalar.Style.DOUBLE_QUOTED;
  }

  /** The original text of a node, as written. */
  String source(YamlNode node) {
    return text.substring(offset(node.range().start()), offset(contentEnd(node)));
  }

  static String spaces(int count) {
    return " ".repeat(Math.max(0, count));
  }
}
