package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.workspace.Loader;
import dev.strata.workspace.SourceFile;
import java.util.List;

/**
 * Coverage-guided fuzzing of decoding and {@code ManifestReader}: any bytes, read as an ordinary
 * manifest file, a kustomization file and a SOPS file, give manifests and notes without throwing,
 * the same ones when read again, with ranges inside the text, and a text whose secret values are
 * masked without moving an offset or a line break.
 */
class ManifestFuzzTest {
  private static final List<String> NAMES =
      List.of("apps/app/fuzzed.yaml", "apps/app/kustomization.yaml", "apps/app/secret.sops.yaml");

  @FuzzTest
  void read(byte[] input) {
    for (String name : NAMES) {
      SourceFile first = Loader.fromBytes(name, input);
      SourceFile again = Loader.fromBytes(name, input);
      assertEquals(first.manifests(), again.manifests(), "the same bytes, read again");
      assertEquals(first.notes(), again.notes(), "the same bytes, noted again");
      assertEquals(first.text(), again.text(), "the same bytes, decoded again");
      FuzzChecks.rangesInside(first.syntax());
      FuzzChecks.maskedLikeDecoded(input, first);
    }
  }
}
