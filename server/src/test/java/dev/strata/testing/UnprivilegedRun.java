package dev.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command line run by a user whom file permissions bind. Root reads every folder whatever its
 * mode, and CI runs as root: there the command runs in a child JVM as {@code nobody} (through
 * util-linux's {@code setpriv}) from a world-readable copy of the class path; any other user runs
 * it in this JVM. Folders the command must reach are opened to everyone with {@link #share}.
 */
public final class UnprivilegedRun {
  private static final String NOBODY = "65534";
  private static Path classPath;

  private UnprivilegedRun() {}

  public static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** A new folder that everyone may enter, for the repositories of such a test. */
  public static Path share(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    return folder;
  }

  public static CommandLineRun of(String... args) {
    if (!asRoot()) {
      return CommandLineRun.of(args);
    }
    try {
      return child(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CommandLineRun child(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "setpriv",
            "--reuid=" + NOBODY,
            "--regid=" + NOBODY,
            "--clear-groups",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classPath().resolve("*").toString(),
            "dev.strata.cli.Main"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("strata-out", ".txt");
      Path err = Files.createTempFile("strata-err", ".txt");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .directory(Path.of("/").toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the command did not end: " + command);
      }
      CommandLineRun run =
          new CommandLineRun(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The jars and the main classes of this test run, as jars in a folder nobody can read. */
  private static synchronized Path classPath() throws IOException {
    if (classPath != null) {
      return classPath;
    }
    Path folder = share(Files.createTempDirectory("strata-classpath"));
    int index = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(source)) {
        Path copy = folder.resolve(index++ + "-" + source.getFileName());
        Files.copy(source, copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
      } else if (Files.isDirectory(source) && !source.endsWith("test-classes")) {
        jar(source, folder.resolve(index++ + "-classes.jar"));
      }
    }
    classPath = folder;
    return folder;
  }

  private static void jar(Path classes, Path target) throws IOException {
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(
            new java.util.zip.ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
  }
}
