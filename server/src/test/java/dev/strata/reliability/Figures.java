package dev.strata.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends the figures of a run (inputs tried, edits sent, heap) to {@code
 * target/reliability-figures.txt} and standard output, so that docs/reliability.md quotes real
 * runs.
 */
final class Figures {
  private Figures() {}

  static synchronized void record(String what, String figure) {
    String line = Instant.now() + " " + what + ": " + figure + System.lineSeparator();
    System.out.print("reliability figure: " + line);
    try {
      Path file = Path.of("target", "reliability-figures.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("reliability figure not saved: " + e);
    }
  }
}
