package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.analysis.RuleCatalogue;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of SARIF 2.1.0 that GitHub code scanning requires or shows. */
class SarifTest {
  @TempDir Path dir;
  private CommandLineRun run;
  private JsonObject log;
  private JsonObject sarifRun;

  @BeforeEach
  void check() {
    TempRepository.write(dir, CheckCommandTest.BROKEN);
    run = CommandLineRun.of("check", dir.toString(), "--format", "sarif");
    log = JsonParser.parseString(run.out()).getAsJsonObject();
    sarifRun = log.getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  @Test
  void declaresVersionAndSchema() {
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals("2.1.0", log.get("version").getAsString());
    assertTrue(
        log.get("$schema").getAsString().contains("sarif"), log.get("$schema").getAsString());
    assertEquals(1, log.getAsJsonArray("runs").size());
  }

  @Test
  void describesEveryRuleWithHelp() {
    JsonObject driver = sarifRun.getAsJsonObject("tool").getAsJsonObject("driver");
    assertEquals("Strata", driver.get("name").getAsString());
    JsonArray rules = driver.getAsJsonArray("rules");
    Set<String> ids = new HashSet<>();
    for (JsonElement element : rules) {
      JsonObject rule = element.getAsJsonObject();
      String id = rule.get("id").getAsString();
      ids.add(id);
      assertFalse(rule.getAsJsonObject("shortDescription").get("text").getAsString().isBlank(), id);
      JsonObject help = rule.getAsJsonObject("help");
      assertFalse(help.get("text").getAsString().isBlank(), id);
      assertTrue(
          Set.of("error", "warning", "note")
              .contains(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString()));
    }
    assertEquals(RuleCatalogue.ids(), ids);
  }

  @Test
  void bundlesTheRulePageAsMarkdownHelp() {
    for (JsonElement element :
        sarifRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")) {
      JsonObject rule = element.getAsJsonObject();
      if (rule.get("id").getAsString().equals("dependency-cycle")) {
        String markdown = rule.getAsJsonObject("help").get("markdown").getAsString();
        assertTrue(markdown.startsWith("# dependency-cycle"), markdown);
        return;
      }
    }
    throw new AssertionError("dependency-cycle is not described");
  }

  @Test
  void locatesEveryResultWithOneBasedRegions() {
    JsonArray results = sarifRun.getAsJsonArray("results");
    assertEquals(4, results.size());
    for (JsonElement element : results) {
      JsonObject result = element.getAsJsonObject();
      assertTrue(RuleCatalogue.ids().contains(result.get("ruleId").getAsString()));
      assertTrue(Set.of("error", "warning", "note").contains(result.get("level").getAsString()));
      assertFalse(result.getAsJsonObject("message").get("text").getAsString().isBlank());
      JsonObject physical =
          result
              .getAsJsonArray("locations")
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("physicalLocation");
      String uri = physical.getAsJsonObject("artifactLocation").get("uri").getAsString();
      assertFalse(uri.startsWith("/") || uri.contains("\\"), uri);
      JsonObject region = physical.getAsJsonObject("region");
      assertTrue(region.get("startLine").getAsInt() >= 1);
      assertTrue(region.get("startColumn").getAsInt() >= 1);
    }
    JsonObject unknown = results.get(0).getAsJsonObject();
    assertEquals("unknown-dependency", unknown.get("ruleId").getAsString());
    assertEquals("warning", unknown.get("level").getAsString());
    JsonObject region =
        unknown
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("region");
    assertEquals(9, region.get("startLine").getAsInt());
    assertEquals(13, region.get("startColumn").getAsInt());
  }

  @Test
  void pointsCycleResultsAtTheOtherEdges() {
    JsonObject cycle = sarifRun.getAsJsonArray("results").get(2).getAsJsonObject();
    assertEquals("dependency-cycle", cycle.get("ruleId").getAsString());
    JsonArray related = cycle.getAsJsonArray("relatedLocations");
    assertEquals(1, related.size());
    JsonObject location = related.get(0).getAsJsonObject();
    assertFalse(location.getAsJsonObject("message").get("text").getAsString().isBlank());
    JsonObject physical = location.getAsJsonObject("physicalLocation");
    assertEquals(
        "clusters/home/apps.yaml",
        physical.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertEquals(20, physical.getAsJsonObject("region").get("startLine").getAsInt());
  }
}
