package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.JsonSchemas;
import dev.strata.testing.TempRepository;
import dev.strata.text.Range;
import dev.strata.workspace.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub shows of each result: fingerprints, linked related locations, rule texts, the cap.
 */
class SarifResultsTest {
  /** Two Secrets in the clear whose flagged lines read the same, in one file. */
  private static final String TWIN_SECRETS =
      """
      #- secrets.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: one
      stringData:
        token: not-a-real-token
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: two
      stringData:
        token: not-a-real-token
      """;

  @TempDir Path dir;

  private static JsonObject sarifRun(Path repository) {
    CommandLineRun run = CommandLineRun.of("check", repository.toString(), "--format", "sarif");
    return JsonParser.parseString(run.out())
        .getAsJsonObject()
        .getAsJsonArray("runs")
        .get(0)
        .getAsJsonObject();
  }

  /** Rule and 1-based start line of each result, with its fingerprint. */
  private static Map<String, String> fingerprints(JsonObject run) {
    Map<String, String> result = new TreeMap<>();
    for (JsonElement element : run.getAsJsonArray("results")) {
      JsonObject r = element.getAsJsonObject();
      JsonObject physical =
          r.getAsJsonArray("locations")
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("physicalLocation");
      String key =
          r.get("ruleId").getAsString()
              + " "
              + physical.getAsJsonObject("artifactLocation").get("uri").getAsString()
              + " "
              + r.get("message").getAsJsonObject().get("text").getAsString().hashCode();
      result.put(key, r.getAsJsonObject("partialFingerprints").get(Fingerprints.KEY).getAsString());
    }
    return result;
  }

  @Test
  void neverGivesTwoResultsOneFingerprint() {
    JsonObject run = sarifRun(TempRepository.write(dir, TWIN_SECRETS + CheckCommandTest.BROKEN));
    Set<String> seen = new HashSet<>();
    for (JsonElement result : run.getAsJsonArray("results")) {
      String fingerprint =
          result
              .getAsJsonObject()
              .getAsJsonObject("partialFingerprints")
              .get(Fingerprints.KEY)
              .getAsString();
      assertTrue(seen.add(fingerprint), "shared: " + fingerprint);
    }
    assertTrue(seen.size() >= 6, seen.toString());
  }

  @Test
  void keepsFingerprintsAfterAnUnrelatedEdit() throws IOException {
    Path repository = TempRepository.write(dir, CheckCommandTest.BROKEN);
    Map<String, String> before = fingerprints(sarifRun(repository));
    Path ks = repository.resolve("apps/web/ks.yaml");
    Files.writeString(ks, "# a comment that moves every line down\n\n" + Files.readString(ks));
    Path apps = repository.resolve("clusters/home/apps.yaml");
    Files.writeString(
        apps, Files.readString(apps).replace("path: ./apps", "path: ./apps # edited"));
    Map<String, String> after = fingerprints(sarifRun(repository));
    assertEquals(before.keySet().size(), after.size());
    for (Map.Entry<String, String> entry : after.entrySet()) {
      if (entry.getKey().contains("apps/web/ks.yaml") && entry.getKey().startsWith("unknown")) {
        assertTrue(before.containsValue(entry.getValue()), entry.toString());
      }
    }
    assertEquals(
        before.values().stream().sorted().toList(), after.values().stream().sorted().toList());
  }

  @Test
  void linksEachRelatedLocationFromTheMessage() {
    JsonObject run = sarifRun(TempRepository.write(dir, CheckCommandTest.BROKEN));
    int linked = 0;
    for (JsonElement element : run.getAsJsonArray("results")) {
      JsonObject result = element.getAsJsonObject();
      JsonArray related = result.getAsJsonArray("relatedLocations");
      if (related == null) {
        continue;
      }
      String text = result.getAsJsonObject("message").get("text").getAsString();
      for (JsonElement location : related) {
        int id = location.getAsJsonObject().get("id").getAsInt();
        assertTrue(text.matches("(?s).*\\[[^\\]]+\\]\\(" + id + "\\).*"), text);
        linked++;
      }
    }
    assertTrue(linked >= 2, "no related locations in " + run);
  }

  @Test
  void escapesBracketsInLinkText() {
    Finding finding =
        new Finding(
            "dependency-cycle",
            Severity.ERROR,
            "a.yaml",
            Range.of(0, 0, 0, 1),
            "A cycle",
            List.of(new Finding.Related("b.yaml", Range.of(1, 0, 1, 1), "entry [0] of dependsOn")));
    assertEquals("A cycle. Related: [entry \\[0\\] of dependsOn](1).", SarifMessage.text(finding));
  }

  @Test
  void givesEveryRuleAFullDescriptionBeyondItsSummary() {
    JsonArray rules =
        sarifRun(TempRepository.write(dir, CheckCommandTest.CLEAN))
            .getAsJsonObject("tool")
            .getAsJsonObject("driver")
            .getAsJsonArray("rules");
    for (JsonElement element : rules) {
      JsonObject rule = element.getAsJsonObject();
      String shortText = rule.getAsJsonObject("shortDescription").get("text").getAsString();
      String fullText = rule.getAsJsonObject("fullDescription").get("text").getAsString();
      assertNotEquals(shortText, fullText, rule.get("id").getAsString());
      assertTrue(fullText.length() > shortText.length() / 2, rule.get("id").getAsString());
    }
  }

  @Test
  void keepsTheMostSevereResultsPastTheCapAndSaysHowManyWereLeftOut() throws IOException {
    Analysis analysis =
        new Analysis(Loader.load(TempRepository.write(dir, CheckCommandTest.CLEAN)));
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Severity severity =
          i % 3 == 0 ? Severity.ERROR : i % 3 == 1 ? Severity.INFO : Severity.WARNING;
      findings.add(
          new Finding(
              "missing-path",
              severity,
              "f" + i + ".yaml",
              Range.of(0, 0, 0, 1),
              "m" + i,
              List.of()));
    }
    SarifRoots roots = SarifRoots.of(dir, java.util.Optional.empty()).orElseThrow();
    Sarif.Log log = Sarif.write(analysis, findings, roots, 6);
    assertEquals(4, log.leftOut());
    assertEquals(List.of(), JsonSchemas.SARIF.problems(log.json()));
    JsonObject run =
        JsonParser.parseString(log.json())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    List<String> kept = new ArrayList<>();
    run.getAsJsonArray("results")
        .forEach(
            r ->
                kept.add(
                    r.getAsJsonObject()
                        .get("message")
                        .getAsJsonObject()
                        .get("text")
                        .getAsString()));
    assertEquals(List.of("m0", "m2", "m3", "m5", "m6", "m9"), kept);
    JsonObject notification =
        run.getAsJsonArray("invocations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("toolExecutionNotifications")
            .get(0)
            .getAsJsonObject();
    assertTrue(
        notification.getAsJsonObject("message").get("text").getAsString().startsWith("4 results"));
  }

  @Test
  void capsARealRunAtGitHubsLimitAndSaysSoOnStderr() throws IOException {
    StringBuilder broken = new StringBuilder();
    for (int i = 0; i <= ResultCap.GITHUB_LIMIT; i++) {
      broken.append("apiVersion: v1\nkind: ConfigMap\nkey: [unclosed\n---\n");
    }
    Files.writeString(dir.resolve("many.yaml"), broken);
    CommandLineRun run = CommandLineRun.of("check", dir.toString(), "--format", "sarif");
    assertEquals(1, run.exitCode(), run.err());
    JsonObject sarif =
        JsonParser.parseString(run.out())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    assertEquals(ResultCap.GITHUB_LIMIT, sarif.getAsJsonArray("results").size());
    assertTrue(run.err().contains("results were left out"), run.err());
  }
}
