package dev.strata.intellij.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the two files discovery looks at: {@code release} and {@code bin/java}. */
final class FakeJdk {

  private FakeJdk() {}

  static Path create(Path parent, String name, String javaVersion) throws IOException {
    Path home = Files.createDirectories(parent.resolve(name));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "");
    return home;
  }
}
