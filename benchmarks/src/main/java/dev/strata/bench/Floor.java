package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The least work any YAML tool must do: list the YAML files, read each one and compose every
 * document into snakeyaml-engine nodes, on one thread. Strata's figures are read against this
 * floor. As a main class it is the floor's whole process, next to {@code strata check}.
 */
public final class Floor {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build();

  private Floor() {}

  public static void main(String[] args) throws IOException {
    System.out.println(run(Path.of(args[0])) + " documents");
  }

  /** Reads and composes every YAML file below {@code root}; returns the number of documents. */
  public static int run(Path root) throws IOException {
    int documents = 0;
    for (Path file : yamlFiles(root)) {
      documents += compose(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }
    return documents;
  }

  private static int compose(String text) {
    int documents = 0;
    try {
      Composer composer =
          new Composer(SETTINGS, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
      while (composer.hasNext()) {
        composer.next();
        documents++;
      }
    } catch (YamlEngineException e) {
      // A broken file costs what was read of it, as it does for Strata.
    }
    return documents;
  }

  /**
   * Regular YAML files below the root, outside {@code .git} and {@code node_modules}, as Strata
   * walks them.
   */
  static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/node_modules/"))
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".yaml")
                      || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
