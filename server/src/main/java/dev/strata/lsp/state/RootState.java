package dev.strata.lsp.state;

import dev.strata.analysis.Analysis;
import dev.strata.workspace.Snapshot;
import java.nio.file.Path;

/**
 * One workspace folder at one revision: its snapshot (disk overlaid with open documents) and the
 * analysis that language features and diagnostics share, so that graphs are built once per
 * revision.
 */
public record RootState(Path folder, Snapshot snapshot, Analysis analysis) {
  public static RootState of(Path folder, Snapshot snapshot) {
    return new RootState(folder, snapshot, new Analysis(snapshot));
  }

  public String uri(String path) {
    return snapshot.uri(path).toString();
  }
}
