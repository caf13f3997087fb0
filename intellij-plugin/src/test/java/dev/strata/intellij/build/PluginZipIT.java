package dev.strata.intellij.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs in the verify phase on the zip the build just made; any problem fails the build. */
class PluginZipIT {

  @Test
  void theDistributableZipIsValid() {
    Path zip = Path.of(System.getProperty("strata.pluginZip"));
    assertEquals(true, Files.isRegularFile(zip), "missing " + zip);
    List<String> problems =
        new PluginZipCheck(zip, System.getProperty("strata.version")).problems();
    assertEquals(List.of(), problems, "problems in " + zip);
  }
}
