package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The facts a snapshot carries from the one it was made from are those a pass over all its files
 * finds, whatever chain of edits, additions, removals and unasked snapshots led to it; and a
 * snapshot made by editing one file computes the fact again for that file only.
 */
class FileFactsTest {
  private static final Object KEY = new Object();

  /** A fact of one file alone: its path and text when it says "secret", else nothing. */
  private static final Function<SourceFile, String> FACT =
      file -> file.text().contains("secret") ? file.path() + ": " + file.text() : null;

  /**
   * Each step changes file {@code step % 6}: even codes write a text (with the fact or without),
   * codes ending in 9 remove it; the fact is asked after the steps {@code asked} names, as an
   * analysis asks only some of the snapshots of a burst.
   */
  @Property(tries = 500)
  void carriedFactsAreThoseOfAFullPass(
      @ForAll @Size(max = 40) List<@IntRange(max = 59) Integer> steps,
      @ForAll @Size(max = 40) List<Boolean> asked) {
    List<SourceFile> initial = new ArrayList<>();
    for (int i = 0; i < 6; i += 2) {
      initial.add(SourceFile.parse("f" + i + ".yaml", "a: secret " + i + "\n"));
    }
    Snapshot snapshot = Snapshot.of(Path.of("."), initial, List.of());
    snapshot.perFile(KEY, FACT);
    for (int i = 0; i < steps.size(); i++) {
      int code = steps.get(i);
      String path = "f" + (code % 6) + ".yaml";
      if (code % 10 == 9) {
        snapshot = snapshot.withoutFile(path);
      } else {
        String text = (code % 4 == 0 ? "a: secret " : "a: plain ") + i + "\n";
        snapshot = snapshot.withFile(SourceFile.parse(path, text));
      }
      if (i < asked.size() && asked.get(i)) {
        assertEquals(fullPass(snapshot), snapshot.perFile(KEY, FACT), "after step " + i);
      }
    }
    assertEquals(fullPass(snapshot), snapshot.perFile(KEY, FACT));
  }

  @Property(tries = 50)
  void anEditComputesTheFactOfTheEditedFileOnly(@ForAll @IntRange(max = 29) int edited) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      files.add(SourceFile.parse("apps/f" + i + ".yaml", "a: " + (i % 3 == 0 ? "secret" : "x")));
    }
    Snapshot snapshot = Snapshot.of(Path.of("."), files, List.of());
    AtomicInteger computed = new AtomicInteger();
    Function<SourceFile, String> counting =
        file -> {
          computed.incrementAndGet();
          return FACT.apply(file);
        };
    snapshot.perFile(KEY, counting);
    assertEquals(30, computed.get());
    Snapshot next = snapshot.withFile(SourceFile.parse("apps/f" + edited + ".yaml", "a: secret"));
    computed.set(0);
    List<String> facts = next.perFile(KEY, counting);
    assertEquals(1, computed.get());
    assertEquals(fullPass(next), facts);
    computed.set(0);
    next.perFile(KEY, counting);
    assertEquals(0, computed.get(), "asked again, the snapshot answers from what it computed");
  }

  /** The facts of every file, in path order. */
  private static List<String> fullPass(Snapshot snapshot) {
    List<String> result = new ArrayList<>();
    for (SourceFile file : snapshot.files()) {
      String fact = FACT.apply(file);
      if (fact != null) {
        result.add(fact);
      }
    }
    return result;
  }
}
