package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A snapshot made by edits ({@link Snapshot#withFile}, {@link Snapshot#withoutFile}) takes its
 * folder index and SOPS configurations from the one before where the edit cannot change them; after
 * any sequence of edits it answers as a snapshot made at once from the same files.
 */
class SnapshotDerivedTest {
  private static final Path ROOT = Path.of("/repo").toAbsolutePath();
  private static final List<String> PATHS =
      List.of(
          ".sops.yaml",
          "a/.sops.yaml",
          "a/b/.sops.yaml",
          "a/x.yaml",
          "a/b/y.yaml",
          "c/z.yaml",
          "c/d/e/w.yaml",
          "v.yaml");

  /** One edit: a file written with one of two texts, or removed. */
  record Edit(String path, int text) {}

  @Property(tries = 300)
  void editsAnswerAsAFreshSnapshot(@ForAll("edits") List<Edit> edits) {
    Map<String, SourceFile> files = new TreeMap<>();
    files.put("a/x.yaml", file("a/x.yaml", 0));
    Snapshot snapshot = Snapshot.of(ROOT, files.values(), List.of());
    for (Edit edit : edits) {
      if (edit.text() < 0) {
        files.remove(edit.path());
        snapshot = snapshot.withoutFile(edit.path());
      } else {
        SourceFile file = file(edit.path(), edit.text());
        files.put(edit.path(), file);
        snapshot = snapshot.withFile(file);
      }
      Snapshot fresh = Snapshot.of(ROOT, files.values(), List.of());
      assertEquals(describe(fresh), describe(snapshot), "after " + edit);
    }
  }

  private static SourceFile file(String path, int text) {
    String body =
        path.endsWith(".sops.yaml")
            ? "creation_rules:\n  - path_regex: .*" + text + ".*\n    age: age1key" + text + "\n"
            : "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m" + text + "\n";
    return SourceFile.parse(path, body);
  }

  /** What the derived state answers: the SOPS rules, and every path's place in the index. */
  private static String describe(Snapshot snapshot) {
    List<String> lines = new ArrayList<>();
    snapshot.sopsConfigs().forEach(c -> lines.add("sops " + c));
    for (String folder : List.of("", "a", "a/b", "c", "c/d", "c/d/e", "z")) {
      lines.add(
          folder
              + " dir="
              + snapshot.isDirectory(folder)
              + " files="
              + snapshot.filesIn(folder)
              + " dirs="
              + snapshot.directoriesIn(folder));
    }
    for (String path : PATHS) {
      lines.add(path + " exists=" + snapshot.exists(path));
    }
    return String.join("\n", lines);
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit =
        Combinators.combine(Arbitraries.of(PATHS), Arbitraries.integers().between(-1, 1))
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(12);
  }
}
