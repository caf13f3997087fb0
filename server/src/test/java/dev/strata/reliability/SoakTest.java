package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long run, outside the default build: a hundred thousand random edits (set {@code
 * strata.soak.edits}) across several open files of the broken example, the heap measured after GC
 * as it goes, hover timed, and the final diagnostics compared with {@code strata check}. Run it
 * with {@code mvn -q -o -Denforcer.skip=true test -Dtest=SoakTest -Dstrata.soak=true}.
 */
@EnabledIfSystemProperty(named = "strata.soak", matches = "true")
class SoakTest {
  private static final List<String> FILES =
      List.of(
          "kubernetes/apps/default/paperless/ks.yaml",
          "kubernetes/apps/storage/ceph-csi/ks.yaml",
          "kubernetes/apps/default/paperless/app/kustomization.yaml",
          "kubernetes/apps/external-secrets/external-secrets/ks.yaml");
  private static final List<String> SNIPPETS =
      List.of(
          "",
          "x",
          "\n",
          "# note\n",
          "    - name: ceph-csi\n      namespace: storage\n",
          "  dependsOn:\n",
          ": ",
          "${VAR}",
          "\t",
          "[",
          "\u00e9");

  @TempDir Path root;

  @Test
  void aHundredThousandEdits() throws Exception {
    int total = Integer.getInteger("strata.soak.edits", 100_000);
    Repositories.broken(root);
    try (LspHarness lsp = LspHarness.start(root)) {
      lsp.client.keepPublished = false;
      lsp.awaitShown(lsp.expected(Analyses.check(root)));
      Map<String, String> texts = new LinkedHashMap<>();
      Map<String, Integer> versions = new LinkedHashMap<>();
      for (String path : FILES) {
        texts.put(path, Files.readString(root.resolve(path)));
        versions.put(path, 1);
        lsp.open(path, texts.get(path));
      }
      Random random = new Random(9);
      long start = System.nanoTime();
      long baseline = LspLoadTest.usedHeapAfterGc();
      List<String> heap = new ArrayList<>();
      List<Long> hovers = new ArrayList<>();
      long peak = baseline;
      for (int i = 1; i <= total; i++) {
        String path = FILES.get(random.nextInt(FILES.size()));
        String text = texts.get(path);
        int at = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + (random.nextBoolean() ? 0 : random.nextInt(12)));
        // Keep every file near its original size: grow while small, shrink while large.
        String insert = text.length() > 3_000 ? "" : SNIPPETS.get(random.nextInt(SNIPPETS.size()));
        Range range = TextEdits.range(text, at, end);
        texts.put(path, TextEdits.apply(text, range, insert));
        versions.merge(path, 1, Integer::sum);
        lsp.change(path, versions.get(path), range, insert);
        // A hover every 5,000 edits paces the client as an editor would: the writer applies a few
        // thousand
        // edits a second, and an unpaced client would queue minutes of them.
        if (i % 5_000 == 0) {
          hovers.add(LspLoadTest.hoverMillis(lsp, FILES.get(0), -1));
        }
        if (i % (total / 10) == 0) {
          long used = LspLoadTest.usedHeapAfterGc();
          peak = Math.max(peak, used);
          heap.add(i + ": " + LspLoadTest.mb(used) + " MB");
        }
      }
      texts.forEach((path, text) -> Disk.write(root, path, text));
      lsp.awaitShown(lsp.expected(Analyses.check(root)));
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      long after = LspLoadTest.usedHeapAfterGc();
      hovers.sort(null);
      Figures.record(
          "soak",
          total
              + " edits in "
              + seconds
              + " s; used heap after GC "
              + LspLoadTest.mb(baseline)
              + " MB at the start, "
              + LspLoadTest.mb(after)
              + " MB at the end, peak "
              + LspLoadTest.mb(peak)
              + " MB; along the way "
              + heap
              + "; hover every 5,000 edits (including their backlog) median "
              + hovers.get(hovers.size() / 2)
              + " ms, max "
              + hovers.get(hovers.size() - 1)
              + " ms; "
              + lsp.client.publications.get()
              + " diagnostics notifications; final diagnostics equal to check");
      assertTrue(
          after - baseline < 64L * 1024 * 1024,
          "heap grew from " + LspLoadTest.mb(baseline) + " to " + LspLoadTest.mb(after) + " MB");
    }
  }
}
