package dev.strata.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version {@code major.minor.patch}, compared numerically; a leading {@code v} is
 * dropped.
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /**
   * The version at the start of {@code text}, as in {@code v2.2.2}, {@code 0.9.13} or {@code 2.3}.
   */
  public static Optional<Version> parse(String text) {
    Matcher matcher = VERSION.matcher(text.trim());
    if (!matcher.lookingAt()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Version(
              Integer.parseInt(matcher.group(1)),
              Integer.parseInt(matcher.group(2)),
              matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(Version other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
