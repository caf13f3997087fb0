package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Silences any finding with {@code # strata-ignore: <rule-id>} on the line above, at that line's
 * indentation and in the file's line breaks; when the line above already suppresses other rules,
 * the id joins that list. Not offered inside a block scalar, where a comment line would become
 * content.
 */
public final class SuppressFix implements FixBuilder {
  private static final Pattern MARKER = Pattern.compile("^(\\s*)#\\s*strata-ignore:(.*)$");

  @Override
  public String rule() {
    return "*";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    Optional<SourceFile> file = analysis.snapshot().file(finding.file());
    if (file.isEmpty() || file.get().text().isEmpty()) {
      return List.of();
    }
    YamlText text = new YamlText(file.get());
    int line = finding.range().start().line();
    if (line >= text.lineCount() || insideBlockScalar(file.get(), line)) {
      return List.of();
    }
    Changes changes = new Changes();
    FileEdits edits = changes.edits(file.get());
    Matcher above = line > 0 ? MARKER.matcher(text.line(line - 1)) : null;
    if (above != null && above.matches()) {
      boolean listed =
          List.of(above.group(2).split(",")).stream()
              .map(String::strip)
              .anyMatch(finding.rule()::equals);
      if (listed) {
        return List.of();
      }
      edits.insert(text.lineEnd(line - 1), ", " + finding.rule());
    } else {
      String content = text.line(line);
      String indentation = content.substring(0, content.length() - content.stripLeading().length());
      edits.insert(
          text.lineStart(line),
          indentation + "# strata-ignore: " + finding.rule() + text.newline());
    }
    return changes
        .fix("Suppress " + finding.rule() + " on this line", false, false)
        .map(List::of)
        .orElse(List.of());
  }

  /**
   * True when the line lies after the first line of a literal or folded scalar, inside its content.
   */
  private static boolean insideBlockScalar(SourceFile file, int line) {
    for (YamlDocument document : file.syntax().documents()) {
      if (document.root().isPresent() && blockScalarAround(document.root().get(), line)) {
        return true;
      }
    }
    return false;
  }

  private static boolean blockScalarAround(YamlNode node, int line) {
    if (node.range().start().line() > line || node.range().end().line() < line) {
      return false;
    }
    if (node instanceof YamlScalar scalar) {
      boolean block =
          scalar.style() == YamlScalar.Style.LITERAL || scalar.style() == YamlScalar.Style.FOLDED;
      return block && line > scalar.range().start().line();
    }
    if (node instanceof YamlSequence sequence) {
      return sequence.items().stream().anyMatch(i -> blockScalarAround(i, line));
    }
    YamlMapping mapping = (YamlMapping) node;
    return mapping.entries().stream().anyMatch(e -> blockScalarAround(e.value(), line));
  }
}
