package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM for the figures that need one: the cold floor, the cold analysis, and the
 * heap that stays after a full GC with the workspace loaded. Prints one line of {@code key value}
 * pairs.
 */
public final class Child {
  private Child() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]);
    switch (args[0]) {
      case "floor" -> {
        long start = System.nanoTime();
        Floor.run(root);
        System.out.println("wall " + (System.nanoTime() - start) + " cpu " + Cpu.process());
      }
      case "strata" -> {
        long start = System.nanoTime();
        StrataRun run = StrataRun.of(root);
        System.out.println(
            "wall "
                + (System.nanoTime() - start)
                + " cpu "
                + Cpu.process()
                + " load "
                + run.loadNanos()
                + " analyze "
                + run.analyzeNanos());
      }
      case "heap" -> {
        StrataRun run = StrataRun.of(root);
        // The derived facts count too: language features keep the analysis of the last revision.
        System.out.println("heap " + heapAfterFullGc() + " findings " + run.findings().size());
        Reference.reachabilityFence(run);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static long heapAfterFullGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
