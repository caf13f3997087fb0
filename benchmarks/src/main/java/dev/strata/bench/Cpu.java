package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time, the figure that stays meaningful when other work shares the machine: wall time on a
 * busy 2-core machine measures the neighbours as much as Strata.
 */
final class Cpu {
  private Cpu() {}

  /**
   * CPU time of this whole process (JIT and GC threads included), in nanoseconds, or -1 when
   * unknown.
   */
  static long process() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * CPU time of every live Java thread of this process, in nanoseconds: precise where {@link
   * #process} counts in ticks of 10 ms, so it times single edits; it leaves out JIT and GC threads.
   */
  static long javaThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu > 0) {
        total += cpu;
      }
    }
    return total;
  }
}
