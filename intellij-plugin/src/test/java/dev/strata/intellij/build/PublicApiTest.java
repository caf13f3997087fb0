package dev.strata.intellij.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin keeps to public platform API and to LSP4IJ's process provider: it never calls
 * PluginManagerCore (internal from 2026.2), starts the server through {@code
 * OSProcessStreamConnectionProvider} (the server's stderr goes to LSP4IJ's console, not the IDE's
 * stderr), and shows no notification of its own (LSP4IJ shows one when the server cannot start).
 * Read from the compiled classes, where every referenced class name appears.
 */
class PublicApiTest {
  private static final Path CLASSES = Path.of(System.getProperty("strata.classes"));

  private static List<String> referencing(String internalName) throws IOException {
    try (Stream<Path> files = Files.walk(CLASSES.resolve("dev"))) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .filter(f -> read(f).contains(internalName))
          .map(f -> CLASSES.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void neverCallsPluginManagerCore() throws IOException {
    assertEquals(List.of(), referencing("com/intellij/ide/plugins/"));
  }

  @Test
  void showsNoNotificationOfItsOwn() throws IOException {
    assertEquals(List.of(), referencing("com/intellij/notification/"));
  }

  @Test
  void startsTheServerThroughLsp4ijsOsProcessProvider() throws Exception {
    assertEquals(
        List.of("dev/strata/intellij/ide/StrataServerProcess.class"),
        referencing("com/redhat/devtools/lsp4ij/server/OSProcessStreamConnectionProvider"));
    assertEquals(
        List.of(),
        referencing("com/redhat/devtools/lsp4ij/server/ProcessStreamConnectionProvider"));
    assertEquals(
        "com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider",
        Class.forName("dev.strata.intellij.ide.StrataServerProcess").getSuperclass().getName());
  }

  @Test
  void findsItsFolderThroughPathManager() throws IOException {
    assertEquals(
        List.of("dev/strata/intellij/ide/StrataPlugin.class"),
        referencing("com/intellij/openapi/application/PathManager"));
  }
}
