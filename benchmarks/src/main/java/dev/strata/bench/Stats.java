package dev.strata.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a sample of durations in nanoseconds, reported in milliseconds. */
record Stats(List<Long> sorted) {
  static Stats of(List<Long> nanos) {
    List<Long> copy = new ArrayList<>(nanos);
    Collections.sort(copy);
    return new Stats(List.copyOf(copy));
  }

  double median() {
    return percentile(50);
  }

  double p95() {
    return percentile(95);
  }

  double min() {
    return ms(sorted.get(0));
  }

  /** Nearest-rank percentile, so that p95 of 100 edits is the 95th slowest-but-five. */
  double percentile(int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return ms(sorted.get(Math.max(0, rank - 1)));
  }

  static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
