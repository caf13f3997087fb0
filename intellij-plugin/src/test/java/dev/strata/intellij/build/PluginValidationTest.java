package dev.strata.intellij.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the zip check catches what it should, on zips built here from the compiled plugin.xml:
 * the same check runs on the real zip in the verify phase (PluginZipIT) and fails the build.
 */
class PluginValidationTest {

  private static final Path CLASSES = Path.of(System.getProperty("strata.classes"));

  @TempDir Path dir;

  private String pluginXml() throws IOException {
    return Files.readString(CLASSES.resolve("META-INF/plugin.xml"));
  }

  private List<String> problems(String pluginXml, List<String> extraClasses) throws IOException {
    Path zip = PluginZips.build(dir, "1.0.0", pluginXml, CLASSES, extraClasses);
    return new PluginZipCheck(zip, "1.0.0").problems();
  }

  @Test
  void acceptsThePluginAsBuilt() throws IOException {
    assertEquals(List.of(), problems(pluginXml(), List.of()));
  }

  @Test
  void rejectsAPluginWithoutVendor() throws IOException {
    String withoutVendor = pluginXml().replaceAll("(?s)<vendor[^>]*>.*?</vendor>", "");
    List<String> problems = problems(withoutVendor, List.of());
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("structure:") && p.contains("vendor")),
        problems.toString());
  }

  @Test
  void rejectsAPluginWithoutSinceBuild() throws IOException {
    String withoutSince = pluginXml().replaceAll("<idea-version[^>]*/>", "");
    assertTrue(
        problems(withoutSince, List.of()).stream().anyMatch(p -> p.startsWith("structure:")));
  }

  @Test
  void rejectsAPluginWithoutDescription() throws IOException {
    String withoutDescription =
        pluginXml()
            .replaceAll(
                "(?s)<description><!\\[CDATA\\[\\s*<p>Strata checks.*?]]></description>", "");
    List<String> problems = problems(withoutDescription, List.of());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("structure: ERROR") && p.contains("description")),
        problems.toString());
  }

  @Test
  void rejectsAPluginWithAShortDescription() throws IOException {
    String shortDescription =
        pluginXml()
            .replaceAll(
                "(?s)<description><!\\[CDATA\\[\\s*<p>Strata checks.*?]]>",
                "<description><![CDATA[Flux.]]>");
    assertTrue(!shortDescription.equals(pluginXml()), "the description was not replaced");
    List<String> problems = problems(shortDescription, List.of());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("structure:")), problems.toString());
  }

  @Test
  void rejectsAClassNamedInPluginXmlButMissing() throws IOException {
    String renamed =
        pluginXml()
            .replace(
                "dev.strata.intellij.ide.StrataServerFactory",
                "dev.strata.intellij.ide.NoSuchFactory");
    assertTrue(
        problems(renamed, List.of())
            .contains(
                "lib: plugin.xml names dev.strata.intellij.ide.NoSuchFactory, which is not in the jar"));
  }

  @Test
  void rejectsLsp4jInLib() throws IOException {
    List<String> problems = problems(pluginXml(), List.of("org/eclipse/lsp4j/Position.class"));
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("org/eclipse/lsp4j/Position.class")),
        problems.toString());
  }

  @Test
  void rejectsStandInsInLib() throws IOException {
    List<String> problems =
        problems(pluginXml(), List.of("com/intellij/openapi/project/Project.class"));
    assertTrue(
        problems.contains("lib: foreign class com/intellij/openapi/project/Project.class"),
        problems.toString());
  }
}
