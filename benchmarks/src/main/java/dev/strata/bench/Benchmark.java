package dev.strata.bench;

import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures Strata against the parse floor on each corpus repository and on generated repositories,
 * and prints one block per repository and a summary table (see docs/performance.md for how to read
 * it). Usage: {@code java -jar benchmarks/target/strata-benchmarks.jar [options]}; {@code --help}
 * lists them.
 */
public final class Benchmark {
  private final Options options;
  private final PrintStream out;
  private final List<Row> rows = new ArrayList<>();

  Benchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options.help()) {
      System.out.println(Options.USAGE);
      return;
    }
    if (options.generateOnly().isPresent()) {
      Path target = options.generateOnly().get();
      Files.createDirectories(target);
      int written = Generator.generate(target, options.sizes().get(0), options.seed());
      System.out.println("wrote " + written + " YAML files to " + target);
      return;
    }
    new Benchmark(options, System.out).run();
  }

  void run() throws Exception {
    out.printf(
        "Strata benchmark: %d cores, Java %s, at least %d warm-up runs and %d s of warm-up, %d measured runs, %d process runs, %d edits%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        options.warmup(),
        options.warmupSeconds(),
        options.iterations(),
        options.processes(),
        options.edits());
    out.printf("strata check process: %s%n", options.checkCommand(Path.of("DIR")));
    Machine.loadAverage().ifPresent(load -> out.printf("load average at start: %s%n", load));
    for (Path repository : options.corpusRepositories()) {
      measure(repository.getFileName().toString(), repository);
    }
    Path work = Files.createTempDirectory("strata-bench-");
    try {
      for (int size : options.sizes()) {
        Path repository = work.resolve("generated-" + size);
        Files.createDirectories(repository);
        Generator.generate(repository, size, options.seed());
        measure("generated-" + size + " (seed " + options.seed() + ")", repository);
      }
    } finally {
      delete(work);
    }
    summary();
  }

  private void measure(String name, Path root) throws Exception {
    List<Path> files = Floor.yamlFiles(root);
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    out.printf("%n== %s: %d YAML files, %.1f MB%n", name, files.size(), bytes / 1e6);

    List<Long> floor = new ArrayList<>();
    List<Long> strata = new ArrayList<>();
    List<Long> floorCpu = new ArrayList<>();
    List<Long> strataCpu = new ArrayList<>();
    List<Long> load = new ArrayList<>();
    List<Long> analyze = new ArrayList<>();
    int findings = 0;
    // Small repositories need many runs before C2 has compiled the parser: warm up for a minimum
    // time too.
    long warmUntil = System.nanoTime() + options.warmupSeconds() * 1_000_000_000L;
    int warmRuns = 0;
    while (warmRuns < options.warmup() || warmRuns < 500 && System.nanoTime() < warmUntil) {
      Floor.run(root);
      StrataRun.of(root);
      warmRuns++;
    }
    for (int i = 0; i < options.iterations(); i++) {
      long startCpu = Cpu.process();
      long start = System.nanoTime();
      Floor.run(root);
      long floorNanos = System.nanoTime() - start;
      long floorCpuNanos = Cpu.process() - startCpu;
      startCpu = Cpu.process();
      StrataRun run = StrataRun.of(root);
      long strataCpuNanos = Cpu.process() - startCpu;
      findings = run.findings().size();
      floor.add(floorNanos);
      strata.add(run.totalNanos());
      floorCpu.add(floorCpuNanos);
      strataCpu.add(strataCpuNanos);
      load.add(run.loadNanos());
      analyze.add(run.analyzeNanos());
    }
    Row row = new Row(name, files.size());
    row.floorWarm = Stats.of(floor).median();
    row.strataWarm = Stats.of(strata).median();
    row.floorWarmCpu = Stats.of(floorCpu).median();
    row.strataWarmCpu = Stats.of(strataCpu).median();
    out.printf(
        "floor (read + compose, 1 thread)  warm median %8.1f ms  (process CPU %.0f ms; after %d warm-up runs)%n",
        row.floorWarm, row.floorWarmCpu, warmRuns);
    out.printf(
        "strata load + analyze             warm median %8.1f ms  (process CPU %.0f ms; load %.1f, analyze %.1f)  = %.2fx floor (CPU %.2fx), %d findings%n",
        row.strataWarm,
        row.strataWarmCpu,
        Stats.of(load).median(),
        Stats.of(analyze).median(),
        row.strataWarm / row.floorWarm,
        row.strataWarmCpu / row.floorWarmCpu,
        findings);

    ChildResult coldFloor = child("floor", root);
    ChildResult coldStrata = child("strata", root);
    row.floorCold = coldFloor.wallMs();
    row.strataCold = coldStrata.wallMs();
    row.floorColdCpu = coldFloor.cpuMs();
    row.strataColdCpu = coldStrata.cpuMs();
    out.printf(
        "floor cold (fresh JVM)                        %8.1f ms  (process CPU %.0f ms)%n",
        coldFloor.wallMs(), coldFloor.cpuMs());
    out.printf(
        "strata cold (fresh JVM)                       %8.1f ms  (process CPU %.0f ms) = %.2fx floor (CPU %.2fx)%n",
        coldStrata.wallMs(),
        coldStrata.cpuMs(),
        coldStrata.wallMs() / coldFloor.wallMs(),
        coldStrata.cpuMs() / coldFloor.cpuMs());

    Processes.Timing check = Processes.time(options.checkCommand(root), options.processes());
    Processes.Timing floorProcess = Processes.time(options.floorCommand(root), options.processes());
    row.checkProcess = check.wall().median();
    row.floorProcess = floorProcess.wall().median();
    row.checkProcessCpu = check.cpu().median();
    row.floorProcessCpu = floorProcess.cpu().median();
    out.printf(
        "process: strata check             median %8.1f ms  min %.1f ms  (CPU median %.0f ms)%n",
        check.wall().median(), check.wall().min(), check.cpu().median());
    out.printf(
        "process: floor only               median %8.1f ms  min %.1f ms  (CPU median %.0f ms); check = %.2fx floor process (CPU %.2fx)%n",
        floorProcess.wall().median(),
        floorProcess.wall().min(),
        floorProcess.cpu().median(),
        check.wall().median() / floorProcess.wall().median(),
        check.cpu().median() / floorProcess.cpu().median());

    Path cache = Files.createTempDirectory("strata-cds");
    Optional<List<String>> launcher = options.launcherCommand(root, cache);
    if (launcher.isPresent()) {
      // The first run writes the class-data-sharing archive; the timed runs map it.
      Processes.time(launcher.get(), 1);
      Processes.Timing fast = Processes.time(launcher.get(), options.processes());
      row.launcherProcess = fast.wall().median();
      out.printf(
          "process: bin/strata check         median %8.1f ms  min %.1f ms  (CPU median %.0f ms); = %.2fx floor process, %.2fx java -jar%n",
          fast.wall().median(),
          fast.wall().min(),
          fast.cpu().median(),
          fast.wall().median() / floorProcess.wall().median(),
          fast.wall().median() / check.wall().median());
    } else {
      out.printf(
          "process: bin/strata check         not measured: no bin/strata or no strata.jar%n");
    }

    Snapshot snapshot = Loader.load(root);
    List<EditLatency.Edit> edits = EditLatency.edits(snapshot, 20);
    if (edits.isEmpty()) {
      out.printf("edit -> findings (engine)         not measured: no Flux Kustomization to edit%n");
    } else {
      EditLatency.Result result = EditLatency.measure(snapshot, edits, options.edits());
      row.editMedian = result.latency().median();
      row.editP95 = result.latency().p95();
      row.editCpuP95 = result.cpu().p95();
      out.printf(
          "edit -> findings (engine)         median %8.1f ms  p95 %.1f ms  (thread CPU median %.1f, p95 %.1f)  over %d edits in %d files, %d changed findings%n",
          row.editMedian,
          row.editP95,
          result.cpu().median(),
          result.cpu().p95(),
          result.edits(),
          edits.size(),
          result.changed());
    }
    LspLatency.report(root, edits, options.edits(), out, row);

    ChildResult heap = child("heap", root);
    row.heapMb = heap.value("heap") / 1e6;
    out.printf("heap after full GC, workspace loaded          %8.1f MB%n", row.heapMb);
    rows.add(row);
  }

  private ChildResult child(String mode, Path root) throws IOException, InterruptedException {
    return ChildResult.parse(Processes.output(options.childCommand(mode, root)));
  }

  private void summary() {
    out.printf(
        "%nSummary, wall time (ms unless stated; warm = median of %d runs; ratio = strata / floor)%n%n",
        options.iterations());
    out.println(Row.WALL_HEADER);
    rows.forEach(row -> out.println(row.wall()));
    out.printf(
        "%nSummary, CPU time (ms; whole process for runs, JIT and GC included; Java threads for edits)%n%n");
    out.println(Row.CPU_HEADER);
    rows.forEach(row -> out.println(row.cpu()));
    Machine.loadAverage().ifPresent(load -> out.printf("%nload average at end: %s%n", load));
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
