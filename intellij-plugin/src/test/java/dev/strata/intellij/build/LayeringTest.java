package dev.strata.intellij.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering of package-info.java, enforced: IDE types only in {@code ide}, LSP4J nowhere. */
class LayeringTest {

  private static final Path SOURCES = Path.of(System.getProperty("strata.sources"));

  @Test
  void onlyTheIdePackageImportsIntellijOrLsp4ij() throws IOException {
    assertEquals(
        List.of(),
        violations(
            path -> !path.startsWith("dev/strata/intellij/ide/"),
            List.of(
                "import com.intellij.", "import com.redhat.", "import dev.strata.intellij.ide.")));
  }

  @Test
  void noPackageImportsLsp4j() throws IOException {
    assertEquals(List.of(), violations(path -> true, List.of("import org.eclipse.lsp4j")));
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      List<Path> missing =
          dirs.filter(Files::isDirectory)
              .filter(LayeringTest::holdsJava)
              .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
              .toList();
      assertEquals(List.of(), missing);
    }
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(file -> file.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> violations(
      java.util.function.Predicate<String> applies, List<String> forbidden) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> applies.test(SOURCES.relativize(file).toString().replace('\\', '/')))
          .flatMap(
              file ->
                  lines(file).stream()
                      .filter(line -> forbidden.stream().anyMatch(line::startsWith))
                      .map(line -> SOURCES.relativize(file) + ": " + line))
          .toList();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
