package dev.strata.intellij.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds plugin zips in the real layout from compiled classes and a given plugin.xml, for negative
 * tests.
 */
final class PluginZips {

  private PluginZips() {}

  static Path build(
      Path dir, String version, String pluginXml, Path classes, List<String> extraClasses)
      throws IOException {
    Path jar = dir.resolve("strata-intellij-" + version + ".jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(out, "META-INF/plugin.xml", pluginXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (Path file : pluginClasses(classes)) {
        put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      for (String name : extraClasses) {
        put(out, name, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
      }
    }
    Path zip = dir.resolve("strata-intellij-" + version + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(out, PluginZipCheck.ROOT + "lib/" + jar.getFileName(), Files.readAllBytes(jar));
      put(out, PluginZipCheck.ROOT + "server/strata.jar", new byte[0]);
    }
    return zip;
  }

  private static List<Path> pluginClasses(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes.resolve("dev"))) {
      return files.filter(path -> path.toString().endsWith(".class")).toList();
    }
  }

  private static void put(OutputStream stream, String name, byte[] bytes) throws IOException {
    ZipOutputStream out = (ZipOutputStream) stream;
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}
