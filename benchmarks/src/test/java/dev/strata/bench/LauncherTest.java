package dev.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/strata}, the launcher that starts Strata with a class-data-sharing archive: it must
 * print exactly what {@code java -jar strata.jar} prints, write its archive on the first run and
 * reuse it afterwards, and stay correct and quiet when the archive is damaged. Times nothing; the
 * speed is measured by the benchmark ({@code docs/performance.md}).
 */
class LauncherTest {
  private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Path LAUNCHER = PROJECT.resolve("bin/strata");
  private static final Path BROKEN = PROJECT.resolve("examples/broken");

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Path dir, Path cache, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("STRATA_JAR", System.getProperty("strata.jar"));
    builder.environment().put("STRATA_CACHE", cache.toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<Path> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  @Test
  void printsWhatTheJarPrintsAndMakesItsArchiveOnce(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    List<String> args = List.of("check", BROKEN.toString(), "--format", "json");
    List<String> plain = new ArrayList<>(List.of("java", "-jar", System.getProperty("strata.jar")));
    plain.addAll(args);
    List<String> launcher = new ArrayList<>(List.of(LAUNCHER.toString()));
    launcher.addAll(args);
    Run expected = run(dir, cache, plain);
    assertEquals(1, expected.exitCode(), expected.err());

    Run first = run(dir, cache, launcher);
    assertEquals(expected, first);
    List<Path> made = archives(cache);
    assertEquals(1, made.size(), made.toString());
    assertTrue(made.get(0).getFileName().toString().endsWith(".jsa"), made.toString());
    assertTrue(Files.size(made.get(0)) > 0);
    FileTime written = Files.getLastModifiedTime(made.get(0));

    Run second = run(dir, cache, launcher);
    assertEquals(expected, second);
    assertEquals(made, archives(cache));
    assertEquals(written, Files.getLastModifiedTime(made.get(0)));

    made.get(0).toFile().setWritable(true);
    Files.writeString(made.get(0), "not an archive");
    Run damaged = run(dir, cache, launcher);
    assertEquals(expected, damaged);
  }

  @Test
  void runsWithoutAnArchiveWhenTheCacheCannotBeWritten(@TempDir Path dir) throws Exception {
    Path blocked = dir.resolve("file");
    Files.writeString(blocked, "a file where the cache folder would be");
    Run run = run(dir, blocked.resolve("cache"), List.of(LAUNCHER.toString(), "--version"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("strata "), run.out());
    assertEquals("", run.err());
  }
}
