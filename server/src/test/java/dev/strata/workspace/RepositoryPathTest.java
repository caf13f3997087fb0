package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts of path handling against the definitions they stand for: {@link
 * RepositoryPath#normalize} returns an already normal path as it is, and {@link
 * Sources#sharedFolders} counts without splitting.
 */
class RepositoryPathTest {
  @Property(tries = 3000)
  void normalizeIsSegmentBySegmentResolution(@ForAll("paths") String path) {
    assertEquals(bySegments(path), RepositoryPath.normalize(path), path);
  }

  @Property(tries = 3000)
  void sharedFoldersCountsLeadingFolders(@ForAll("files") String a, @ForAll("files") String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    int shared = 0;
    while (shared < x.length - 1 && shared < y.length - 1 && x[shared].equals(y[shared])) {
      shared++;
    }
    assertEquals(shared, Sources.sharedFolders(a, b), a + " and " + b);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("a", "bc", ".", "..", "/", "\\", "", "x.yaml")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  /** File paths as the loader makes them: non-empty segments, forward slashes. */
  @Provide
  Arbitrary<String> files() {
    return Arbitraries.of("a", "b", "ab", "apps", "k.yaml")
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(parts -> String.join("/", parts));
  }

  /** Normalisation as written before the shortcut: split, drop {@code .}, climb {@code ..}. */
  private static Optional<String> bySegments(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
