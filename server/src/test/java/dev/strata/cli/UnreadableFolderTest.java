package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import dev.strata.testing.UnprivilegedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A folder the user may not read: DIR itself is bad usage (exit 2, one line), a folder below it is
 * a file-skipped note. Permissions do not bind root, so as root these run as nobody.
 */
class UnreadableFolderTest {
  private Path base;

  @BeforeEach
  void share() throws IOException {
    base = UnprivilegedRun.share(Files.createTempDirectory("strata-unreadable"));
  }

  @AfterEach
  void clean() throws IOException {
    try (var files = Files.walk(base)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(path)) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        }
        Files.delete(path);
      }
    }
  }

  private Path repository() throws IOException {
    Path root =
        TempRepository.write(UnprivilegedRun.share(base.resolve("repo")), CheckCommandTest.CLEAN);
    try (var files = Files.walk(root)) {
      for (Path path : files.toList()) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return root;
  }

  @Test
  void rejectsAnUnreadableFolderWithExitTwo() throws IOException {
    Path root = repository();
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("-wx--x--x"));
    CommandLineRun run = UnprivilegedRun.of("check", root.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains(root + ": cannot be read"), run.err());
  }

  @Test
  void notesAnUnreadableSubFolder() throws IOException {
    Path root = repository();
    Path secret = Files.createDirectories(root.resolve("private"));
    Files.writeString(secret.resolve("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    CommandLineRun run = UnprivilegedRun.of("check", root.toString(), "--fail-on", "info");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().startsWith("private:1:1: info[file-skipped]: skipped: the folder cannot be read"),
        run.toString());
  }
}
