package dev.strata.bench;

import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The edit latency of two builds of Strata on one repository, measured in one JVM: each jar is
 * loaded by a class loader of its own, and chunks of edits alternate between them, so that both
 * meet the same machine. On a shared machine whose speed moves by a third from one minute to the
 * next, two processes run one after the other differ more than two nearby revisions do; chunks
 * alternated every second or so do not. The chunk-by-chunk ratio is the figure to read.
 *
 * <p>Usage: {@code java -cp benchmarks/target/strata-benchmarks.jar dev.strata.bench.Compare DIR
 * JAR_A JAR_B [ROUNDS [CHUNK]]} (defaults 24 rounds of 50 edits; the first two rounds warm up and
 * are not counted). Both jars must have the {@code Loader} and {@code Snapshot} API this class is
 * compiled against.
 */
public final class Compare {
  private Compare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Compare DIR JAR_A JAR_B [ROUNDS [CHUNK]]");
      System.exit(2);
    }
    System.out.print(
        run(
            Path.of(args[0]),
            Path.of(args[1]),
            Path.of(args[2]),
            args.length > 3 ? Integer.parseInt(args[3]) : 24,
            args.length > 4 ? Integer.parseInt(args[4]) : 50));
  }

  /** The report of {@code rounds} rounds of {@code chunk} edits by each jar, alternated. */
  static String run(Path dir, Path jarA, Path jarB, int rounds, int chunk) throws Exception {
    if (rounds < 3) {
      throw new IllegalArgumentException("at least 3 rounds: the first two warm up");
    }
    Side a = new Side(jarA, dir);
    Side b = new Side(jarB, dir);
    List<Long> fromA = new ArrayList<>();
    List<Long> fromB = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<Long> chunkA = a.edits(chunk);
      List<Long> chunkB = b.edits(chunk);
      if (round < 2) {
        continue;
      }
      fromA.addAll(chunkA);
      fromB.addAll(chunkB);
      ratios.add(Stats.of(chunkB).median() / Stats.of(chunkA).median());
    }
    Collections.sort(ratios);
    Stats statsA = Stats.of(fromA);
    Stats statsB = Stats.of(fromB);
    return String.format(
        "A %s: median %.1f ms, p95 %.1f ms%nB %s: median %.1f ms, p95 %.1f ms%n"
            + "B/A per chunk of %d edits: median %.3f (quartiles %.3f, %.3f) over %d chunks%n",
        jarA,
        statsA.median(),
        statsA.p95(),
        jarB,
        statsB.median(),
        statsB.p95(),
        chunk,
        ratios.get(ratios.size() / 2),
        ratios.get(ratios.size() / 4),
        ratios.get(3 * ratios.size() / 4),
        ratios.size());
  }

  /** One jar: its own copy of this class, the repository loaded and the edits chosen by it. */
  private static final class Side {
    private final Method edits;
    private final Object state;

    Side(Path jar, Path dir) throws Exception {
      URL self = Compare.class.getProtectionDomain().getCodeSource().getLocation();
      // The jar first, so that Strata's classes are its own; this class and the benchmark's
      // from the benchmark jar. The parent sees the JDK only.
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {jar.toUri().toURL(), self}, ClassLoader.getPlatformClassLoader());
      Class<?> side = loader.loadClass(Compare.class.getName());
      Method load = side.getDeclaredMethod("load", Path.class);
      state = load.invoke(null, dir);
      edits = side.getDeclaredMethod("edits", Object.class, int.class);
    }

    @SuppressWarnings("unchecked")
    List<Long> edits(int count) throws Exception {
      return (List<Long>) edits.invoke(null, state, count);
    }
  }

  /** Runs inside a side's class loader: the snapshot and its edits. */
  public static Object load(Path dir) throws Exception {
    Snapshot snapshot = Loader.load(dir);
    return new Object[] {snapshot, EditLatency.edits(snapshot, 20)};
  }

  /** Runs inside a side's class loader: {@code count} edits timed, as the benchmark times them. */
  @SuppressWarnings("unchecked")
  public static List<Long> edits(Object state, int count) {
    Object[] parts = (Object[]) state;
    return EditLatency.measure((Snapshot) parts[0], (List<EditLatency.Edit>) parts[1], count)
        .latency()
        .sorted();
  }
}
