package dev.strata.lsp.diagnostics;

import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.lsp.ServerLog;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a folder at a given state, for requests that need them (code actions, the secrets
 * inventory): the published ones when they belong to that revision, else a fresh analysis, so that
 * a fix is never built from findings of older text.
 */
public final class CurrentFindings {
  private final DiagnosticsPublisher publisher;
  private final Analyzer analyzer;

  public CurrentFindings(DiagnosticsPublisher publisher, ServerLog log) {
    this.publisher = publisher;
    this.analyzer =
        Analyzer.standard(
            (rule, e) -> log.error("rule " + rule.id() + " failed and was skipped", e));
  }

  public List<Finding> of(WorkspaceState state, RootState root) {
    DiagnosticsPublisher.Published published = publisher.last();
    if (published.revision() != state.revision()) {
      return analyzer.analyze(root.analysis());
    }
    List<Finding> result = new ArrayList<>();
    published.files().values().stream()
        .filter(f -> f.root() == root)
        .forEach(f -> result.addAll(f.findings()));
    return result;
  }
}
