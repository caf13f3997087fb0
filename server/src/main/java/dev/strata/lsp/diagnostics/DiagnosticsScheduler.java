package dev.strata.lsp.diagnostics;

import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.lsp.ServerLog;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One debounce for the whole workspace: each new state pushes the next run back by the quiet
 * period, because an edit in one file changes findings in others. A run checks between rules
 * whether a newer revision exists and then stops without publishing; the run scheduled for that
 * revision publishes.
 */
public final class DiagnosticsScheduler {
  private final ScheduledExecutorService executor;
  private final Supplier<WorkspaceState> current;
  private final DiagnosticsPublisher publisher;
  private final Analyzer analyzer;
  private final java.util.function.Consumer<WorkspaceState> analysed;
  private ScheduledFuture<?> pending;

  /** Tells {@code analysed} of each state whose diagnostics it published. */
  public DiagnosticsScheduler(
      ScheduledExecutorService executor,
      Supplier<WorkspaceState> current,
      DiagnosticsPublisher publisher,
      ServerLog log,
      java.util.function.Consumer<WorkspaceState> analysed) {
    this.executor = executor;
    this.current = current;
    this.analysed = analysed;
    this.publisher = publisher;
    this.analyzer =
        Analyzer.standard(
            (rule, e) -> log.error("rule " + rule.id() + " failed and was skipped", e));
  }

  public synchronized void schedule(WorkspaceState state) {
    if (pending != null) {
      pending.cancel(false);
    }
    try {
      pending = executor.schedule(this::run, state.settings().debounceMs(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: nobody listens any more.
    }
  }

  private void run() {
    WorkspaceState state = current.get();
    BooleanSupplier stale = () -> current.get().revision() != state.revision();
    Map<String, FileFindings> files = new HashMap<>();
    for (RootState root : state.roots()) {
      List<Finding> findings = analyzer.analyze(root.analysis(), stale);
      if (stale.getAsBoolean()) {
        return;
      }
      Map<String, List<Finding>> byFile = new HashMap<>();
      findings.forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
      // The inner folder wins where folders nest, as it does for requests.
      byFile.forEach(
          (file, list) ->
              files.merge(
                  root.uri(file), new FileFindings(root, list), DiagnosticsScheduler::inner));
    }
    publisher.publish(state.revision(), files);
    analysed.accept(state);
  }

  private static FileFindings inner(FileFindings a, FileFindings b) {
    return a.root().folder().getNameCount() >= b.root().folder().getNameCount() ? a : b;
  }
}
