package dev.strata.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the two-jar comparison from rotting: the built jar against itself on a tiny generated
 * repository, each side in its own class loader. Times nothing.
 */
class CompareTest {
  @Test
  void comparesTheBuiltJarWithItselfChunkByChunk(@TempDir Path repository) throws Exception {
    Path jar = Path.of(System.getProperty("strata.jar"));
    Generator.generate(repository, 60, 3);
    String report = Compare.run(repository, jar, jar, 4, 3);
    assertTrue(
        Pattern.compile("(?s)A .*: median [0-9.]+ ms, p95 [0-9.]+ ms.*B .*: median [0-9.]+ ms")
            .matcher(report)
            .find(),
        report);
    assertTrue(report.contains("B/A per chunk of 3 edits: median "), report);
    assertTrue(report.contains("over 2 chunks"), report);
  }
}
