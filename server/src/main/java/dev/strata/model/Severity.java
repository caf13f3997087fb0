package dev.strata.model;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; {@code OFF} silences a rule. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  HINT,
  OFF;

  public static Optional<Severity> parse(String text) {
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True when this is at least as severe as {@code level}. */
  public boolean atLeast(Severity level) {
    return this != OFF && ordinal() <= level.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
