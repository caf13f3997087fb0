package dev.strata.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time, the figure that stays meaningful when other work shares the machine: wall time on a busy
 * 2-core machine measures the neighbours as much as Strata.
 */
final class Cpu {
  private Cpu() {}

  /** CPU time of this whole process (JIT and GC threads included), in nanoseconds, or -1 when unknown. */
  static long process() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
