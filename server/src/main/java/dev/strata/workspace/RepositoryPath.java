package dev.strata.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Repository-relative paths with forward slashes and no {@code .} or {@code ..} segments.
 * Resolution refuses to climb above the repository root, because Flux cannot read outside its
 * artifact and Strata must never read outside the workspace.
 */
final class RepositoryPath {
  private RepositoryPath() {}

  /** Resolves {@code reference} against the folder {@code base}; empty when it leaves the root. */
  static Optional<String> resolve(String base, String reference) {
    String joined =
        reference.startsWith("/")
            ? reference
            : (base.isEmpty() ? reference : base + "/" + reference);
    return normalize(joined);
  }

  static Optional<String> normalize(String path) {
    if (isNormal(path)) {
      return Optional.of(path);
    }
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

  /**
   * True when {@code path} is already what {@link #normalize} makes of it: empty, or non-empty
   * segments joined by single forward slashes, none of them {@code .} or {@code ..}. Most paths a
   * render resolves are, and splitting each was a tenth of the root finder's time.
   */
  static boolean isNormal(String path) {
    if (path.indexOf('\\') >= 0) {
      return false;
    }
    int start = 0;
    while (start <= path.length() && !path.isEmpty()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if (length == 0
          || length == 1 && path.charAt(start) == '.'
          || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  static boolean isRemote(String reference) {
    return reference.contains("://")
        || reference.startsWith("git@")
        || reference.startsWith("github.com/")
        || reference.startsWith("gitlab.com/");
  }
}
