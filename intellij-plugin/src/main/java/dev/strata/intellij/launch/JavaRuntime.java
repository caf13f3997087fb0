package dev.strata.intellij.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A Java installation, identified by its home folder and its feature version (17 for 17.0.15). */
public record JavaRuntime(Path home, int feature) {

  /** The oldest Java the server runs on; the server is compiled for release 17. */
  public static final int MINIMUM_FEATURE = 17;

  /**
   * Reads {@code <home>/release}; empty when the folder is not a Java home or its version is
   * unreadable.
   */
  public static Optional<JavaRuntime> at(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    return JavaRelease.read(release).map(feature -> new JavaRuntime(home, feature));
  }

  public boolean isSupported() {
    return feature >= MINIMUM_FEATURE;
  }

  /** The launcher inside this home; Windows names it {@code java.exe}. */
  public Path executable(boolean windows) {
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  @Override
  public String toString() {
    return "Java " + feature + " at " + home;
  }
}
