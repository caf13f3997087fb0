package dev.strata.intellij.launch;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link JavaDiscovery}: the runtime chosen, where it came from, and what was passed
 * over.
 */
public record JavaChoice(Optional<JavaRuntime> runtime, String origin, List<String> rejected) {

  public JavaChoice {
    rejected = List.copyOf(rejected);
  }

  static JavaChoice found(JavaRuntime runtime, String origin, List<String> rejected) {
    return new JavaChoice(Optional.of(runtime), origin, rejected);
  }

  static JavaChoice missing(List<String> rejected) {
    return new JavaChoice(Optional.empty(), "", rejected);
  }

  /** The text of the one notification shown when no usable Java was found. */
  public String missingMessage() {
    String tried =
        rejected.isEmpty()
            ? "No Java was configured: the Strata setting and JAVA_HOME are empty."
            : "Tried: " + String.join("; ", rejected) + ".";
    return "Strata needs Java "
        + JavaRuntime.MINIMUM_FEATURE
        + " or newer to run its language server. "
        + tried
        + " Set the Java path in Settings | Tools | Strata, or point JAVA_HOME at a JDK "
        + JavaRuntime.MINIMUM_FEATURE
        + "+ and restart the IDE.";
  }
}
