package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the folder a command analyses, turning an unreadable folder into a one-line error. */
final class Repository {
  private Repository() {}

  static Optional<Analysis> load(Path directory, Optional<Path> config, PrintWriter err) {
    if (!Files.isDirectory(directory)) {
      err.println("strata: " + directory + ": no such directory");
      return Optional.empty();
    }
    if (config.isPresent() && !Files.isRegularFile(config.get())) {
      err.println("strata: " + config.get() + ": no such configuration file");
      return Optional.empty();
    }
    try {
      Snapshot snapshot = Loader.load(directory, config);
      return Optional.of(new Analysis(snapshot));
    } catch (IOException e) {
      err.println("strata: " + directory + ": cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }
}
