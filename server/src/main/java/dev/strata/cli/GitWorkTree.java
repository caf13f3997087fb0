package dev.strata.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The top of the git work tree that holds a folder: the nearest folder at or above it with a {@code
 * .git} entry (a folder in a clone, a file in a linked work tree or a submodule). Found by looking,
 * never by running git: Strata starts no program.
 */
final class GitWorkTree {
  private GitWorkTree() {}

  static Optional<Path> topOf(Path folder) {
    for (Path at = folder.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }
}
