package dev.strata.intellij.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's extra JVM options, written as one line in the settings page. Double quotes group an
 * option that contains spaces ({@code "-Dname=a b"}); there is no other escaping.
 */
public record JvmOptions(List<String> options) {

  public JvmOptions {
    options = List.copyOf(options);
  }

  public static JvmOptions parse(String line) {
    List<String> options = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : (line == null ? "" : line).toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        flush(current, options);
      } else {
        current.append(c);
      }
    }
    flush(current, options);
    return new JvmOptions(options);
  }

  private static void flush(StringBuilder current, List<String> options) {
    if (!current.isEmpty()) {
      options.add(current.toString());
      current.setLength(0);
    }
  }
}
