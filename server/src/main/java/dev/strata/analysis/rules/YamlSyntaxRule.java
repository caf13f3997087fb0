package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.syntax.SyntaxProblem;
import dev.strata.workspace.FileNote;
import dev.strata.workspace.SourceFile;

/** Text that is not valid YAML, or not valid UTF-8; the rest of the workspace is still analysed. */
public final class YamlSyntaxRule implements Rule {
  @Override
  public String id() {
    return "yaml-syntax";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Text that is not valid YAML; the rest of the workspace is still analysed.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (SourceFile file : analysis.snapshot().files()) {
      for (SyntaxProblem problem : file.syntax().problems()) {
        reporter.report(finding(file.path(), problem.range(), problem.message()));
      }
      for (FileNote note : file.notes()) {
        if (note.kind() == FileNote.Kind.ENCODING) {
          reporter.report(finding(file.path(), note.range(), note.message()));
        }
      }
    }
  }
}
