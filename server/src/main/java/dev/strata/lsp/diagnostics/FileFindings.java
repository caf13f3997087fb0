package dev.strata.lsp.diagnostics;

import dev.strata.analysis.Finding;
import dev.strata.lsp.state.RootState;
import java.util.List;

/** The findings of one file, with the folder they were computed in (for related locations). */
public record FileFindings(RootState root, List<Finding> findings) {
  public FileFindings {
    findings = List.copyOf(findings);
  }
}
