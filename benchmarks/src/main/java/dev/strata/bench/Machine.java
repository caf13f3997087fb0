package dev.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures depend on besides Strata: other load on the machine. */
final class Machine {
  private Machine() {}

  static Optional<String> loadAverage() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg")).trim();
      String[] parts = text.split(" ");
      return Optional.of(parts[0] + " " + parts[1] + " " + parts[2]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
