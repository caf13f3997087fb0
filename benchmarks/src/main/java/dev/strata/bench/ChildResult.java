package dev.strata.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code key value} pairs a child JVM prints on its last line. */
record ChildResult(Map<String, Long> values) {
  static ChildResult parse(String output) {
    String[] lines = output.strip().split("\n");
    String[] words = lines[lines.length - 1].trim().split("\\s+");
    Map<String, Long> values = new HashMap<>();
    for (int i = 0; i + 1 < words.length; i += 2) {
      values.put(words[i], Long.parseLong(words[i + 1]));
    }
    return new ChildResult(values);
  }

  long value(String key) {
    Long value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("the child JVM printed no " + key + ": " + values);
    }
    return value;
  }

  double wallMs() {
    return Stats.ms(value("wall"));
  }

  double cpuMs() {
    return Stats.ms(value("cpu"));
  }
}
