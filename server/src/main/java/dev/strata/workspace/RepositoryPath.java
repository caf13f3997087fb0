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

  static boolean isRemote(String reference) {
    return reference.contains("://")
        || reference.startsWith("git@")
        || reference.startsWith("github.com/")
        || reference.startsWith("gitlab.com/");
  }
}
