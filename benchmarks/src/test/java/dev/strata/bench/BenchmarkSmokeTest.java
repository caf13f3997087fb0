package dev.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark from rotting: one tiny generated repository, one run of everything. Times
 * nothing.
 */
class BenchmarkSmokeTest {
  private static final List<String> FIGURES =
      List.of(
          "floor (read + compose, 1 thread)  warm median",
          "strata load + analyze             warm median",
          "floor cold (fresh JVM)",
          "strata cold (fresh JVM)",
          "process: strata check             median",
          "process: floor only               median",
          "process: bin/strata check         median",
          "edit -> findings (engine)         median",
          "edit -> publishDiagnostics (LSP)  median",
          "first publishDiagnostics (LSP)",
          "hover after a burst of 1000 edits",
          "heap after full GC, workspace loaded",
          "Summary, wall time",
          "Summary, CPU time");

  @Test
  void printsEveryFigureForATinyGeneratedRepository() throws Exception {
    String jar = System.getProperty("strata.jar", "");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--corpora",
                "none",
                "--sizes",
                "60",
                "--warmup",
                "0",
                "--warmup-seconds",
                "0",
                "--iterations",
                "1",
                "--processes",
                "1",
                "--edits",
                "4"));
    if (!jar.isEmpty() && Files.isRegularFile(Path.of(jar))) {
      args.addAll(List.of("--strata-jar", jar));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Benchmark(
            Options.parse(args.toArray(String[]::new)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .run();
    String output = bytes.toString(StandardCharsets.UTF_8);
    for (String figure : FIGURES) {
      assertTrue(output.contains(figure), () -> "no '" + figure + "' in:\n" + output);
    }
    assertTrue(!output.contains("not measured"), () -> "a figure was not measured:\n" + output);
  }

  @Test
  void generatesTheSameRepositoryOfTheExactSizeFromTheSameSeed(
      @TempDir Path first, @TempDir Path second) throws Exception {
    assertEquals(300, Generator.generate(first, 300, 7));
    Generator.generate(second, 300, 7);
    assertEquals(300, yamlFiles(first).size());
    for (Path file : yamlFiles(first)) {
      assertEquals(
          Files.readString(file), Files.readString(second.resolve(first.relativize(file))));
    }
  }

  private static List<Path> yamlFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
  }
}
