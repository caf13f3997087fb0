package dev.strata.intellij.launch;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the Java that runs the server: the plugin's setting, then {@code JAVA_HOME}, then the
 * IDE's own runtime. The first candidate that is a Java home of version 17 or newer wins; the
 * others are kept as reasons so that the notification for a missing Java can say what was tried.
 */
public record JavaDiscovery(
    String setting, String javaHomeVariable, String ideJavaHome, boolean windows) {

  /** The inputs of a running IDE: its environment and {@code java.home}. */
  public static JavaDiscovery fromEnvironment(String setting) {
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return new JavaDiscovery(
        setting, System.getenv("JAVA_HOME"), System.getProperty("java.home"), windows);
  }

  public JavaChoice choose() {
    List<String> rejected = new ArrayList<>();
    for (Candidate candidate : candidates()) {
      Optional<JavaRuntime> runtime = candidate.runtime(windows);
      if (runtime.isPresent() && runtime.get().isSupported()) {
        return JavaChoice.found(runtime.get(), candidate.origin(), rejected);
      }
      rejected.add(candidate.reason(runtime));
    }
    return JavaChoice.missing(rejected);
  }

  private List<Candidate> candidates() {
    List<Candidate> candidates = new ArrayList<>();
    addIfSet(candidates, "the Strata setting 'Java path'", setting);
    addIfSet(candidates, "JAVA_HOME", javaHomeVariable);
    addIfSet(candidates, "the IDE's own runtime", ideJavaHome);
    return candidates;
  }

  private static void addIfSet(List<Candidate> candidates, String origin, String value) {
    if (value != null && !value.isBlank()) {
      candidates.add(new Candidate(origin, value.trim()));
    }
  }

  /**
   * One place to look; the setting may name the home folder or the {@code java} launcher inside it.
   */
  private record Candidate(String origin, String value) {

    Optional<JavaRuntime> runtime(boolean windows) {
      return home()
          .flatMap(JavaRuntime::at)
          .filter(runtime -> Files.exists(runtime.executable(windows)));
    }

    private Optional<Path> home() {
      try {
        Path path = Path.of(value);
        if (Files.isRegularFile(path)
            && path.getParent() != null
            && path.getParent().getParent() != null) {
          return Optional.of(path.getParent().getParent());
        }
        return Optional.of(path);
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }

    String reason(Optional<JavaRuntime> runtime) {
      return runtime
          .map(
              found ->
                  origin
                      + " ("
                      + value
                      + ") is Java "
                      + found.feature()
                      + ", older than "
                      + JavaRuntime.MINIMUM_FEATURE)
          .orElse(origin + " (" + value + ") is not a Java installation");
    }
  }
}
