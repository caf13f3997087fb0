package dev.strata.bench;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Strata's full work on a repository, as {@code strata check} does it, without printing. */
record StrataRun(Analysis analysis, List<Finding> findings, long loadNanos, long analyzeNanos) {
  static StrataRun of(Path root) throws IOException {
    long start = System.nanoTime();
    Snapshot snapshot = Loader.load(root);
    long loaded = System.nanoTime();
    Analysis analysis = new Analysis(snapshot);
    List<Finding> findings = Analyzer.standard((rule, e) -> {}).analyze(analysis);
    return new StrataRun(analysis, findings, loaded - start, System.nanoTime() - loaded);
  }

  long totalNanos() {
    return loadNanos + analyzeNanos;
  }
}
