package dev.strata.reliability;

import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The YAML files of real repositories: {@code examples/} and, when present, the corpora named by
 * the {@code strata.corpora} system property. Each repository is loaded once and kept as mutation
 * context.
 */
final class RealFiles {
  record RealFile(Path repository, String path) {}

  private static final Map<Path, Snapshot> SNAPSHOTS = new ConcurrentHashMap<>();

  private RealFiles() {}

  static List<Path> examples() {
    return children(Path.of(System.getProperty("strata.examples", "../examples")));
  }

  static List<Path> corpora() {
    String corpora = System.getProperty("strata.corpora");
    return corpora == null ? List.of() : children(Path.of(corpora));
  }

  private static List<Path> children(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML file below the repositories, smaller than {@code maxBytes}, in a stable order. */
  static List<RealFile> yamlFiles(List<Path> repositories, long maxBytes) {
    List<RealFile> result = new ArrayList<>();
    for (Path repository : repositories) {
      try (Stream<Path> walk = Files.walk(repository)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .filter(p -> size(p) < maxBytes)
            .sorted()
            .forEach(
                p ->
                    result.add(
                        new RealFile(
                            repository, repository.relativize(p).toString().replace('\\', '/'))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  static Snapshot snapshot(Path repository) {
    return SNAPSHOTS.computeIfAbsent(repository, Analyses::load);
  }

  static byte[] bytes(RealFile file) {
    try {
      return Files.readAllBytes(file.repository().resolve(file.path()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
