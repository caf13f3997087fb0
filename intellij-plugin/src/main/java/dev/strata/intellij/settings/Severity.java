package dev.strata.intellij.settings;

import java.util.Locale;
import java.util.Optional;

/** The severities a rule can be set to, spelled on the wire as the server expects them. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  HINT,
  OFF;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Stored settings may hold anything a user or an older version wrote; an unknown value means
   * "default".
   */
  public static Optional<Severity> fromWireName(String value) {
    for (Severity severity : values()) {
      if (severity.wireName().equals(value)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
