package dev.strata.intellij.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code JAVA_VERSION} line of a JDK's {@code release} file, which every JDK since 9 (and most
 * 8s) writes.
 */
final class JavaRelease {

  private static final Pattern VERSION_LINE = Pattern.compile("^JAVA_VERSION=\"?([^\"]*)\"?\\s*$");
  private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");

  private JavaRelease() {}

  static Optional<Integer> read(Path releaseFile) {
    try {
      return parse(Files.readAllLines(releaseFile, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      // An unreadable release file is treated like a missing one: this folder is not a usable Java.
      return Optional.empty();
    }
  }

  static Optional<Integer> parse(List<String> lines) {
    for (String line : lines) {
      Matcher matcher = VERSION_LINE.matcher(line.trim());
      if (matcher.matches()) {
        OptionalInt feature = feature(matcher.group(1));
        return feature.isPresent() ? Optional.of(feature.getAsInt()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** "17.0.15" is 17, "21" is 21, "25-ea" is 25; the old scheme "1.8.0_392" is 8. */
  static OptionalInt feature(String version) {
    Matcher matcher = LEADING_NUMBERS.matcher(version);
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int first = Integer.parseInt(matcher.group(1));
    if (first == 1 && matcher.group(2) != null) {
      return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }
    return OptionalInt.of(first);
  }
}
