package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.workspace.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random repositories never make reading, rendering, any rule or any view throw; the findings
 * depend on the files only, never on the order they are given in, and the CLI finishes on them.
 */
class RandomRepositoryPropertiesTest {
  static final AtomicLong FINDINGS = new AtomicLong();
  static final AtomicLong TRIES = new AtomicLong();
  static final Map<String, AtomicLong> RULES = new java.util.concurrent.ConcurrentSkipListMap<>();

  @Provide
  Arbitrary<Map<String, String>> repositories() {
    return RandomRepositories.repositories();
  }

  @Property(tries = 200)
  void sameFindingsInAnyFileOrder(
      @ForAll("repositories") Map<String, String> files, @ForAll long seed) {
    TRIES.incrementAndGet();
    List<SourceFile> parsed =
        new ArrayList<>(
            files.entrySet().stream()
                .map(e -> SourceFile.parse(e.getKey(), e.getValue()))
                .toList());
    List<Finding> first = Views.everything(Views.snapshot(parsed));
    FINDINGS.addAndGet(first.size());
    first.forEach(f -> RULES.computeIfAbsent(f.rule(), r -> new AtomicLong()).incrementAndGet());
    Random random = new Random(seed);
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(parsed, random);
      assertEquals(first, Views.everything(Views.snapshot(parsed)), "order " + round);
    }
    Collections.reverse(parsed);
    List<SourceFile> reparsed =
        parsed.stream().map(f -> SourceFile.parse(f.path(), f.text())).toList();
    assertEquals(first, Views.everything(Views.snapshot(reparsed)), "parsed again");
  }

  @Property(tries = 25)
  void theCliFinishesOnRandomRepositories(@ForAll("repositories") Map<String, String> files)
      throws Exception {
    Path root = java.nio.file.Files.createTempDirectory("strata-random-");
    try {
      Disk.writeAll(root, files);
      for (Cli run :
          List.of(
              Cli.run("check", "--format", "sarif", root.toString()),
              Cli.run("graph", "--format", "dot", root.toString()),
              Cli.run("secrets", "--format", "json", root.toString()),
              Cli.run("bootstrap", root.toString()))) {
        assertTrue(run.finished(), run::toString);
      }
    } finally {
      try (var paths = java.nio.file.Files.walk(root)) {
        paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @AfterContainer
  static void report() {
    Figures.record(
        "random repositories",
        TRIES.get()
            + " repositories, "
            + FINDINGS.get()
            + " findings, each checked in 5 file orders; by rule "
            + RULES);
  }
}
