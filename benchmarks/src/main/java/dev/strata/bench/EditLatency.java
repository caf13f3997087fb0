package dev.strata.bench;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits that change findings: in a file whose Flux Kustomization has a {@code dependsOn}, the first
 * dependency is renamed to one that does not exist (an unknown-dependency finding appears) and
 * renamed back on the next round (it disappears). Without dependsOn anywhere, a Kustomization's
 * path is broken and restored instead.
 */
final class EditLatency {
  private static final Pattern DEPENDENCY =
      Pattern.compile("dependsOn:\\s*\\n\\s*- name: ([^\\s#]+)");
  private static final Pattern PATH = Pattern.compile("(?m)^  path: (\\S+)$");

  /**
   * One file's text before and after the edit; the edit alternates between them. {@code marker} is
   * the new name.
   */
  record Edit(String path, String original, String edited, String marker) {
    String text(int round) {
      return round % 2 == 0 ? edited : original;
    }
  }

  /**
   * Up to {@code max} edits over distinct files, spread over the repository, each checked to add a
   * finding that names its marker to its own file (so that the language server must publish that
   * file).
   */
  static List<Edit> edits(Snapshot snapshot, int max) {
    Analyzer analyzer = Analyzer.standard((rule, e) -> {});
    List<Edit> result = new ArrayList<>();
    for (Edit edit : candidates(snapshot)) {
      if (result.size() == max) {
        break;
      }
      Snapshot broken = snapshot.withFile(SourceFile.parse(edit.path(), edit.edited()));
      boolean named =
          analyzer.analyze(new Analysis(broken)).stream()
              .anyMatch(f -> f.file().equals(edit.path()) && f.message().contains(edit.marker()));
      if (named) {
        result.add(edit);
      }
    }
    return result;
  }

  /** Candidate edits in an order that spreads them over the repository. */
  private static List<Edit> candidates(Snapshot snapshot) {
    List<Edit> byDependency = new ArrayList<>();
    List<Edit> byPath = new ArrayList<>();
    for (SourceFile file : snapshot.files()) {
      if (!file.text().contains("kustomize.toolkit.fluxcd.io")) {
        continue;
      }
      Matcher dependency = DEPENDENCY.matcher(file.text());
      if (dependency.find()) {
        byDependency.add(edit(file, dependency, "-renamed"));
        continue;
      }
      Matcher path = PATH.matcher(file.text());
      if (path.find()) {
        byPath.add(edit(file, path, "-moved"));
      }
    }
    List<Edit> all = byDependency.isEmpty() ? byPath : byDependency;
    List<Edit> spread = new ArrayList<>();
    int step = Math.max(1, all.size() / 20);
    for (int offset = 0; offset < step; offset++) {
      for (int i = offset; i < all.size(); i += step) {
        spread.add(all.get(i));
      }
    }
    return spread;
  }

  private static Edit edit(SourceFile file, Matcher match, String suffix) {
    String text = file.text();
    String edited = text.substring(0, match.end(1)) + suffix + text.substring(match.end(1));
    return new Edit(file.path(), text, edited, match.group(1) + suffix);
  }

  /** The result of a series of edits: the latency of each and how many changed the findings. */
  record Result(Stats latency, Stats cpu, int edits, int changed) {}

  /**
   * Applies {@code count} edits one after another as the language server's writer does (a new
   * snapshot sharing every other file, then a full analysis of it) and times each from text to
   * findings. The first few warm the code up and are not counted, as for the language server.
   */
  static Result measure(Snapshot base, List<Edit> edits, int count) {
    Analyzer analyzer = Analyzer.standard((rule, e) -> {});
    Snapshot current = base;
    List<Finding> previous = analyzer.analyze(new Analysis(base));
    List<Long> nanos = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    int changed = 0;
    int warmup = Math.min(20, Math.max(2, count / 5));
    for (int i = 0; i < warmup + count; i++) {
      Edit edit = edits.get(i % edits.size());
      String text = edit.text(i / edits.size());
      long start = System.nanoTime();
      long startCpu = Cpu.javaThreads();
      current = current.withFile(SourceFile.parse(edit.path(), text));
      List<Finding> findings = analyzer.analyze(new Analysis(current));
      if (i >= warmup) {
        nanos.add(System.nanoTime() - start);
        cpu.add(Cpu.javaThreads() - startCpu);
        if (!findings.equals(previous)) {
          changed++;
        }
      }
      previous = findings;
    }
    return new Result(Stats.of(nanos), Stats.of(cpu), count, changed);
  }
}
