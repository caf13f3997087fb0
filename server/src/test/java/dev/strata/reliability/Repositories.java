package dev.strata.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real repositories copied into a test folder, and a large one for slow loads and analyses. */
final class Repositories {
  private Repositories() {}

  static Path copyOf(Path source, Path target) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (Files.isRegularFile(from)) {
          Files.copy(from, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path broken(Path target) {
    return copyOf(Path.of(System.getProperty("strata.examples", "../examples"), "broken"), target);
  }

  /** The broken example copied {@code copies} times under one root: slow to load and to analyse. */
  static Path large(Path target, int copies) {
    Path source = Path.of(System.getProperty("strata.examples", "../examples"), "broken");
    for (int i = 0; i < copies; i++) {
      copyOf(source, target.resolve("copy" + i));
    }
    List<String> apps =
        java.util.stream.IntStream.range(0, copies)
            .mapToObj(i -> "../copy" + i + "/kubernetes/apps")
            .toList();
    Disk.write(target, "root/kustomization.yaml", RandomRepositories.overlay(apps, ""));
    return target;
  }
}
