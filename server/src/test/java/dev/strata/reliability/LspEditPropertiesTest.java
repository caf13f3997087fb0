package dev.strata.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.eclipse.lsp4j.Range;

/**
 * Random sequences of incremental edits sent through the language server (didChange with ranges, in
 * one or several open files) end with the diagnostics that {@code strata check} reports on the
 * final text. Edits insert and delete characters, whole lines ({@code resources:} entries, {@code
 * dependsOn} items) and whole documents (Flux objects), so that what the render reaches changes and
 * the builds the server remembers between edits must be recomputed where they should.
 */
class LspEditPropertiesTest {
  private static final AtomicLong EDITS = new AtomicLong();
  private static final AtomicLong SEQUENCES = new AtomicLong();
  private static final List<String> SNIPPETS =
      List.of(
          "",
          "x",
          "\n",
          "  - name: db\n",
          "  dependsOn:\n    - name: apps\n",
          "name: web\n",
          "---\n",
          ": ",
          "${VAR}",
          "kind: Secret\n",
          "\t",
          "{",
          "]",
          "\u00e9",
          "\uD83D\uDE00",
          "# comment\n",
          "  path: ./apps/a0/app\n",
          "namespace: storage\n",
          "- ./missing.yaml\n",
          // Whole Flux objects and resources entries: edits that change what the render reaches,
          // which the memoised builds must notice.
          "\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
              + "  name: extra\n  namespace: flux-system\nspec:\n  path: ./apps/a0/app\n"
              + "  sourceRef: {kind: GitRepository, name: flux-system}\n  dependsOn:\n"
              + "    - name: a0\n",
          "\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
              + "  name: extra\n  namespace: default\nspec:\n"
              + "  chartRef: {kind: OCIRepository, name: missing}\n",
          "\nresources:\n  - ./app\n",
          "  - ./ks.yaml\n",
          "  - ../a0\n");

  @Provide
  Arbitrary<Map<String, String>> repositories() {
    return RandomRepositories.apps()
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(apps -> RandomRepositories.files(apps, 1, false));
  }

  @Property(tries = 50)
  void finalDiagnosticsEqualCheckOnTheFinalText(
      @ForAll("repositories") Map<String, String> files,
      @ForAll @IntRange(min = 1, max = 60) int edits,
      @ForAll long seed)
      throws Exception {
    SEQUENCES.incrementAndGet();
    Path root = Files.createTempDirectory("strata-edits-");
    try {
      Disk.writeAll(root, files);
      try (LspHarness lsp = LspHarness.start(root)) {
        lsp.awaitShown(lsp.expected(Analyses.check(root)));
        Random random = new Random(seed);
        List<String> paths = new ArrayList<>(files.keySet());
        Collections.shuffle(paths, random);
        Map<String, String> open = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String path : paths.subList(0, Math.min(paths.size(), 1 + random.nextInt(3)))) {
          open.put(path, files.get(path));
          versions.put(path, 1);
          lsp.open(path, files.get(path));
        }
        List<String> opened = new ArrayList<>(open.keySet());
        for (int i = 0; i < edits; i++) {
          String path = opened.get(random.nextInt(opened.size()));
          String text = open.get(path);
          int start = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
          int end =
              Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(40) : 0));
          int shape = random.nextInt(8);
          if (shape == 0 && !text.isEmpty()) {
            // A whole line: a resources entry, a dependsOn item, a field.
            start = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
            int next = text.indexOf('\n', start);
            end = next < 0 ? text.length() : next + 1;
          } else if (shape == 1 && text.contains("---")) {
            // A whole document: a Flux object removed.
            int boundary = text.indexOf("---", random.nextInt(text.length()));
            start = boundary < 0 ? text.indexOf("---") : boundary;
            int next = text.indexOf("\n---", start + 3);
            end = next < 0 ? text.length() : next + 1;
          }
          Range range = TextEdits.range(text, start, end);
          String replacement =
              shape <= 1 && random.nextBoolean()
                  ? ""
                  : random.nextInt(4) == 0 && !text.isEmpty()
                      ? text.substring(random.nextInt(text.length()), text.length())
                              .lines()
                              .findFirst()
                              .orElse("")
                          + "\n"
                      : SNIPPETS.get(random.nextInt(SNIPPETS.size()));
          open.put(path, TextEdits.apply(text, range, replacement));
          versions.merge(path, 1, Integer::sum);
          lsp.change(path, versions.get(path), range, replacement);
          EDITS.incrementAndGet();
        }
        open.forEach((path, text) -> Disk.write(root, path, text));
        lsp.awaitShown(lsp.expected(Analyses.check(root)));
      }
    } finally {
      delete(root);
    }
  }

  static void delete(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterContainer
  static void report() {
    Figures.record(
        "incremental edits through the server",
        SEQUENCES.get() + " sequences, " + EDITS.get() + " didChange edits");
  }
}
