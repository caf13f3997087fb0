package dev.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The command line of the benchmark. */
record Options(
    Optional<Path> corpora,
    String only,
    List<Integer> sizes,
    long seed,
    int warmup,
    int warmupSeconds,
    int iterations,
    int processes,
    int edits,
    Optional<Path> strataJar,
    List<String> jvmFlags,
    Optional<Path> generateOnly,
    boolean help) {
  static final String USAGE =
      """
      java -jar benchmarks/target/strata-benchmarks.jar [options]
        --corpora DIR      real repositories, one per folder (default ../shared/corpora when it exists; 'none' to skip)
        --only TEXT        only corpus repositories whose folder name contains TEXT
        --sizes N,N,...    generated repositories of N YAML files (default 1000,5000,20000; 'none' to skip)
        --seed N           generator seed (default 42)
        --warmup N         warm-up runs before the warm figures, at least (default 5)
        --warmup-seconds N and warm-up for at least N seconds, at most 500 runs (default 5)
        --iterations N     measured warm runs; the median is printed (default 5)
        --processes N      runs of each whole process; the median is printed (default 3)
        --edits N          edits for the incremental figures (default 100)
        --strata-jar FILE  the jar 'strata check' runs from (default server/target/strata.jar when it exists,
                           else this benchmark's class path, which holds the same classes)
        --jvm-flags 'F F'  flags for every child JVM: cold runs and both processes (default none)
        --generate DIR     only write a generated repository of the first --sizes size to DIR, then exit
      """;

  static Options parse(String[] args) {
    Optional<Path> corpora = Optional.of(Path.of("../shared/corpora")).filter(Files::isDirectory);
    String only = "";
    List<Integer> sizes = List.of(1000, 5000, 20000);
    long seed = 42;
    int warmup = 5;
    int warmupSeconds = 5;
    int iterations = 5;
    int processes = 3;
    int edits = 100;
    Optional<Path> jar =
        Optional.of(Path.of("server/target/strata.jar")).filter(Files::isRegularFile);
    List<String> flags = List.of();
    Optional<Path> generate = Optional.empty();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--corpora" ->
            corpora = value.equals("none") ? Optional.empty() : Optional.of(Path.of(value));
        case "--only" -> only = value;
        case "--sizes" ->
            sizes =
                value.equals("none")
                    ? List.of()
                    : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList();
        case "--seed" -> seed = Long.parseLong(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
        case "--iterations" -> iterations = Integer.parseInt(value);
        case "--processes" -> processes = Integer.parseInt(value);
        case "--edits" -> edits = Integer.parseInt(value);
        case "--strata-jar" -> jar = Optional.of(Path.of(value));
        case "--jvm-flags" ->
            flags = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        case "--generate" -> generate = Optional.of(Path.of(value));
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
      if (!args[i].equals("--help") && !args[i].equals("-h")) {
        i++;
      }
    }
    return new Options(
        corpora,
        only,
        sizes,
        seed,
        warmup,
        warmupSeconds,
        Math.max(1, iterations),
        Math.max(1, processes),
        Math.max(2, edits),
        jar,
        flags,
        generate,
        help);
  }

  List<Path> corpusRepositories() throws IOException {
    if (corpora.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(corpora.get())) {
      return list.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().contains(only))
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .toList();
    }
  }

  private List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    return command;
  }

  private List<String> withClassPath(String mainClass) {
    List<String> command = java();
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return command;
  }

  List<String> checkCommand(Path root) {
    List<String> command;
    if (strataJar.isPresent()) {
      command = java();
      command.add("-jar");
      command.add(strataJar.get().toString());
    } else {
      command = withClassPath("dev.strata.cli.Main");
    }
    command.add("check");
    command.add(root.toString());
    return command;
  }

  /**
   * {@code bin/strata check DIR} with the benchmark's jar and a class-data-sharing cache of its
   * own, when the launcher is found (run from the repository root, or from {@code benchmarks/}).
   */
  Optional<List<String>> launcherCommand(Path root, Path cache) {
    Optional<Path> launcher =
        Stream.of(Path.of("bin/strata"), Path.of("../bin/strata"))
            .filter(Files::isExecutable)
            .findFirst();
    if (launcher.isEmpty() || strataJar.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("STRATA_JAR=" + strataJar.get().toAbsolutePath());
    command.add("STRATA_CACHE=" + cache.toAbsolutePath());
    java().stream()
        .findFirst()
        .map(Path::of)
        .map(Path::getParent)
        .map(Path::getParent)
        .ifPresent(home -> command.add("JAVA_HOME=" + home));
    command.add(launcher.get().toString());
    command.add("check");
    command.add(root.toString());
    return Optional.of(command);
  }

  List<String> floorCommand(Path root) {
    List<String> command = withClassPath(Floor.class.getName());
    command.add(root.toString());
    return command;
  }

  List<String> childCommand(String mode, Path root) {
    List<String> command = withClassPath(Child.class.getName());
    command.add(mode);
    command.add(root.toString());
    return command;
  }
}
