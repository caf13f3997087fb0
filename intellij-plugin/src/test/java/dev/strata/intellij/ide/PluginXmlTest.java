package dev.strata.intellij.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.intellij.files.FluxYamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin.xml and the code repeat a few names; these tests keep them equal. */
class PluginXmlTest {

  private final Element root = parse();

  private static Element parse() {
    try {
      byte[] xml = Files.readAllBytes(Path.of(System.getProperty("strata.pluginXml")));
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      return factory
          .newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(xml))
          .getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Element first(String tag) {
    return (Element) root.getElementsByTagName(tag).item(0);
  }

  @Test
  void declaresThePluginIdTheCodeLooksUp() {
    assertEquals(StrataPlugin.ID, first("id").getTextContent());
  }

  @Test
  void supportsEveryIdeFrom2024Point2() {
    assertEquals("242", first("idea-version").getAttribute("since-build"));
  }

  @Test
  void dependsOnLsp4ijAndYaml() {
    NodeList depends = root.getElementsByTagName("depends");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < depends.getLength(); i++) {
      all.append(depends.item(i).getTextContent()).append(' ');
    }
    assertTrue(all.toString().contains("com.redhat.devtools.lsp4ij "), all.toString());
    assertTrue(all.toString().contains("org.jetbrains.plugins.yaml "), all.toString());
  }

  @Test
  void mapsYamlToTheServerItDeclares() {
    assertEquals(StrataPlugin.SERVER_ID, first("server").getAttribute("id"));
    assertEquals(StrataPlugin.SERVER_ID, first("languageMapping").getAttribute("serverId"));
    assertEquals("yaml", first("languageMapping").getAttribute("language"));
    assertEquals(StrataPlugin.SERVER_ID, first("fileNamePatternMapping").getAttribute("serverId"));
  }

  @Test
  void mapsTheFileNamePatternsOfFluxYamlFiles() {
    assertEquals(
        String.join(";", FluxYamlFiles.NAME_PATTERNS),
        first("fileNamePatternMapping").getAttribute("patterns"));
  }

  @Test
  void declaresNoNotificationGroupSinceLsp4ijShowsTheOneNotification() {
    assertEquals(0, root.getElementsByTagName("notificationGroup").getLength());
  }

  @Test
  void hasItsVersionFilledInByTheBuild() {
    assertTrue(first("version").getTextContent().matches("\\d+\\.\\d+\\.\\d+.*"));
  }

  @Test
  void storesSettingsInTheFileItsAnnotationNames() throws IOException {
    String source =
        Files.readString(
            Path.of(
                System.getProperty("strata.sources"),
                "dev/strata/intellij/ide/StrataSettingsStore.java"));
    assertTrue(source.contains("@Storage(\"strata.xml\")"));
  }
}
