package dev.strata.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes test repositories to disk; parents are created as needed. */
final class Disk {
  private Disk() {}

  static Path write(Path root, String path, String text) {
    return write(root, path, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path root, String path, byte[] bytes) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeAll(Path root, Map<String, String> files) {
    files.forEach((path, text) -> write(root, path, text));
  }
}
