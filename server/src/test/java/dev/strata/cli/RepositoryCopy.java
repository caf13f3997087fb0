package dev.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of an example repository with extra folders whose names need escaping in a URI, each
 * holding a Secret in the clear so that every one of them carries a finding.
 */
final class RepositoryCopy {
  private RepositoryCopy() {}

  static Path withSpecialNames(Path source, Path target, List<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    for (String name : names) {
      Path folder = Files.createDirectories(target.resolve(name));
      Files.writeString(
          folder.resolve("ks.yaml"),
          """
          apiVersion: v1
          kind: Secret
          metadata:
            name: plain
          stringData:
            token: not-a-real-token
          """);
    }
    return target;
  }
}
