package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads and analyses with the standard rules, failing the test when any rule throws. */
final class Analyses {
  private Analyses() {}

  static Snapshot load(Path root) {
    try {
      return Loader.load(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Finding> check(Path root) {
    return check(load(root));
  }

  static List<Finding> check(Snapshot snapshot) {
    List<String> failures = new ArrayList<>();
    List<Finding> findings =
        Analyzer.standard((rule, e) -> failures.add(rule.id() + ": " + e))
            .analyze(new Analysis(snapshot));
    assertEquals(List.of(), failures, "rules that threw");
    return findings;
  }

  static List<Finding> withRule(List<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  static List<Finding> inFile(List<Finding> findings, String file) {
    return findings.stream().filter(f -> f.file().equals(file)).toList();
  }
}
