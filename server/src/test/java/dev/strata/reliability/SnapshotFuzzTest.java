package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole analysis: the input's files ({@link FuzzRepository#files})
 * go through {@code Loader.fromBytes} into a small healthy cluster, and every rule and view runs
 * ({@link Views#everything}, failing on a rule that throws). The same files in the reverse order
 * give the same findings. Re-run after any change to rendering or rules: {@code
 * server/fuzz/campaign snapshot}.
 */
class SnapshotFuzzTest {
  /** The first analysis loads and instruments every class; it must not count as an input's time. */
  @BeforeAll
  static void warmUp() {
    new SnapshotFuzzTest().analyse(new byte[0]);
  }

  @FuzzTest
  void analyse(byte[] input) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    FuzzRepository.base().forEach((p, t) -> files.put(p, t.getBytes(StandardCharsets.UTF_8)));
    files.putAll(FuzzRepository.files(input));
    List<SourceFile> read = new ArrayList<>();
    files.forEach((path, bytes) -> read.add(Loader.fromBytes(path, bytes)));
    List<Finding> findings = Views.everything(Views.snapshot(read));
    List<SourceFile> reversed = new ArrayList<>();
    files.forEach((path, bytes) -> reversed.add(Loader.fromBytes(path, bytes)));
    Collections.reverse(reversed);
    Snapshot again = Views.snapshot(reversed);
    assertEquals(findings, Views.everything(again), "the same files in another order");
  }
}
