package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Parameters;

/**
 * The {@code DIR} argument every command shares, and its loading: an unreadable folder becomes a
 * one-line error and an empty result, which commands turn into exit code 2.
 */
final class Repository {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      description = "Repository folder (default: the current folder).")
  Path directory;

  Optional<Analysis> load(Optional<Path> config, PrintWriter err) {
    if (!Files.isDirectory(directory)) {
      err.println("strata: " + directory + ": no such directory");
      return Optional.empty();
    }
    if (config.isPresent() && !new ConfigFile(config.get()).usable(err)) {
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

  Optional<Analysis> load(PrintWriter err) {
    return load(Optional.empty(), err);
  }
}
