package dev.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the files of a fixture text ({@code #- path} starts a file) into a folder, for tests that
 * load from disk.
 */
public final class TempRepository {
  private TempRepository() {}

  public static Path write(Path root, String fixtureText) {
    for (Map.Entry<String, String> file : Fixture.of(fixtureText).files().entrySet()) {
      Path target = root.resolve(file.getKey());
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }
}
