package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.text.Position;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/** Silences any finding with {@code # strata-ignore: <rule-id>} on the line above, at that line's indentation. */
public final class SuppressFix implements FixBuilder {
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
    SourceFile source = file.get();
    int line = finding.range().start().line();
    String text = source.text();
    int start = source.syntax().lines().lineStart(line);
    int end = source.syntax().lines().lineEnd(line, text);
    String content = text.substring(start, end);
    String indentation = content.substring(0, content.length() - content.stripLeading().length());
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    TextEdit edit = new TextEdit(Range.at(new Position(line, 0)), indentation + "# strata-ignore: " + finding.rule() + newline);
    return List.of(
        new Fix("Suppress " + finding.rule() + " on this line", false, false, List.of(new FileChange.Edit(finding.file(), List.of(edit)))));
  }
}
