package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.syntax.SyntaxProblem;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Position;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.nio.charset.StandardCharsets;

/** What every parse must satisfy whatever the input: each range lies inside its text. */
final class FuzzChecks {
  private FuzzChecks() {}

  static void rangesInside(YamlFile file) {
    for (YamlDocument document : file.documents()) {
      inside(file, document.range(), "document");
      document.root().ifPresent(root -> nodesInside(file, root));
    }
    for (SyntaxProblem problem : file.problems()) {
      inside(file, problem.range(), "problem " + problem.message());
    }
  }

  private static void nodesInside(YamlFile file, YamlNode node) {
    inside(file, node.range(), node.getClass().getSimpleName());
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        nodesInside(file, entry.key());
        nodesInside(file, entry.value());
      }
    } else if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(item -> nodesInside(file, item));
    }
  }

  static void inside(YamlFile file, Range range, String what) {
    assertTrue(
        valid(file, range.start()) && valid(file, range.end()),
        () -> what + " at " + range + " outside a text of " + file.lines().lineCount() + " lines");
  }

  private static boolean valid(YamlFile file, Position position) {
    if (position.line() >= file.lines().lineCount()) {
      return false;
    }
    int length =
        file.lines().lineEnd(position.line(), file.text())
            - file.lines().lineStart(position.line());
    return position.character() <= length;
  }

  /**
   * The masked text of a file read from {@code bytes} has the decoded text's length and its line
   * breaks where they were ({@code SecretValues}).
   */
  static void maskedLikeDecoded(byte[] bytes, SourceFile file) {
    if (!file.notes().isEmpty() && file.text().isEmpty()) {
      return;
    }
    int bom =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    String decoded = new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
    assertEquals(decoded.length(), file.text().length(), "masking keeps the length");
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r';
      if (lineBreak != (file.text().charAt(i) == '\n' || file.text().charAt(i) == '\r')) {
        throw new AssertionError("masking moved a line break at offset " + i);
      }
    }
  }
}
