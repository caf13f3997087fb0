package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.workspace.FileNote;
import dev.strata.workspace.SourceFile;

/**
 * A YAML file that was not analysed: larger than the configured limit, binary, or unreadable; or a
 * folder that could not be read, so that nothing below it was.
 */
public final class FileSkippedRule implements Rule {
  @Override
  public String id() {
    return "file-skipped";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "A YAML file or a folder that was not analysed: larger than the limit, binary, or unreadable.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (SourceFile file : analysis.snapshot().files()) {
      for (FileNote note : file.notes()) {
        if (note.kind() == FileNote.Kind.SKIPPED) {
          reporter.report(finding(file.path(), note.range(), note.message()));
        }
      }
    }
    analysis
        .snapshot()
        .layout()
        .unreadableFolders()
        .forEach((folder, note) -> reporter.report(finding(folder, note.range(), note.message())));
  }
}
