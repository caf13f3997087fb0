package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.analysis.GraphView;
import dev.strata.analysis.OutageSimulation;
import dev.strata.analysis.SecretInventory;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Everything the analysis computes for the CLI and the server, from in-memory files. */
final class Views {
  static final Path ROOT = Path.of("/reliability/repo").toAbsolutePath();

  private Views() {}

  static Snapshot snapshot(Map<String, String> files) {
    return snapshot(
        files.entrySet().stream().map(e -> SourceFile.parse(e.getKey(), e.getValue())).toList());
  }

  static Snapshot snapshot(Collection<SourceFile> files) {
    return Snapshot.of(ROOT, files, List.of());
  }

  /**
   * Runs every rule and every view; fails when a rule throws, and lets any other exception escape.
   */
  static List<Finding> everything(Snapshot snapshot) {
    Analysis analysis = new Analysis(snapshot);
    List<String> failures = new ArrayList<>();
    List<Finding> findings =
        Analyzer.standard((rule, e) -> failures.add(rule.id() + ": " + e)).analyze(analysis);
    assertEquals(List.of(), failures, "rules that threw");
    for (Cluster cluster : analysis.clusters()) {
      GraphView.of(analysis, cluster);
      OutageSimulation outage = new OutageSimulation(analysis, cluster);
      outage.ready().forEach(outage::chain);
      outage.blocked().keySet().forEach(outage::chain);
      outage.bootstrapBlocked();
    }
    SecretInventory.of(analysis, findings);
    return findings;
  }
}
