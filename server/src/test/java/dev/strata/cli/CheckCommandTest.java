package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  /**
   * A cycle (two errors), an unknown dependency (a warning) and a missing path (an error), in
   * nested folders.
   */
  /** The Kustomizations of BROKEN: flux-system, apps, infra, web and database. */
  private static final int REACHED_KUSTOMIZATIONS = 5;

  static final String BROKEN =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: flux-system
        namespace: flux-system
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: flux-system}
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        dependsOn:
          - name: infra
        sourceRef: {kind: GitRepository, name: flux-system}
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: infra
        namespace: flux-system
      spec:
        path: ./infra
        dependsOn:
          - name: apps
        sourceRef: {kind: GitRepository, name: flux-system}
      #- apps/web/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: web
        namespace: default
      spec:
        path: ./web/app
        dependsOn:
          - name: databse
            namespace: db
        sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: database
        namespace: db
      spec:
        path: ./apps/db/app
        sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
      #- web/app/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: web, namespace: default}
      #- infra/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: infra, namespace: default}
      """;

  /** Only an unknown dependency: a warning. */
  static final String WARNING_ONLY =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: flux-system}
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        dependsOn:
          - name: infrastructure
        sourceRef: {kind: GitRepository, name: flux-system}
      #- apps/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: default}
      """;

  static final String CLEAN =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: flux-system}
      #- clusters/home/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: default}
      """;

  @TempDir Path dir;

  private Path repo(String fixture) {
    return TempRepository.write(dir, fixture);
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static Set<String> keys(JsonObject object) {
    return new TreeSet<>(object.keySet());
  }

  @Test
  void printsJsonExactlyAsTheContractSays() {
    Path root = repo(BROKEN);
    CommandLineRun run = CommandLineRun.of("check", root.toString(), "--format", "json");
    assertEquals(1, run.exitCode(), run.toString());
    JsonObject report = json(run.out());
    assertEquals(Set.of("version", "root", "files", "config", "reach", "findings"), keys(report));
    JsonObject reach = report.getAsJsonObject("reach");
    assertEquals(1, reach.get("clusters").getAsInt(), reach.toString());
    assertEquals(REACHED_KUSTOMIZATIONS, reach.get("kustomizations").getAsInt(), reach.toString());
    assertEquals(0, reach.get("helmReleases").getAsInt(), reach.toString());
    assertEquals("[\"unknown\"]", reach.get("flux").toString());
    assertTrue(report.get("config").isJsonNull(), report.toString());
    assertEquals(1, report.get("version").getAsInt());
    assertEquals(root.toAbsolutePath().normalize().toString(), report.get("root").getAsString());
    assertEquals(5, report.get("files").getAsInt());
    JsonArray findings = report.getAsJsonArray("findings");
    List<String> rules = new ArrayList<>();
    for (JsonElement element : findings) {
      JsonObject finding = element.getAsJsonObject();
      assertEquals(
          Set.of("rule", "severity", "path", "range", "message", "related", "fixes"),
          keys(finding));
      assertFalse(finding.get("path").getAsString().startsWith("/"), finding.toString());
      assertFalse(finding.get("path").getAsString().contains("\\"), finding.toString());
      assertTrue(
          Set.of("error", "warning", "info", "hint")
              .contains(finding.get("severity").getAsString()));
      JsonObject range = finding.getAsJsonObject("range");
      assertEquals(Set.of("start", "end"), keys(range));
      assertEquals(Set.of("line", "character"), keys(range.getAsJsonObject("start")));
      for (JsonElement related : finding.getAsJsonArray("related")) {
        assertEquals(Set.of("path", "range", "message"), keys(related.getAsJsonObject()));
      }
      for (JsonElement fix : finding.getAsJsonArray("fixes")) {
        assertTrue(fix.isJsonPrimitive() && fix.getAsJsonPrimitive().isString(), fix.toString());
      }
      rules.add(finding.get("rule").getAsString());
    }
    assertEquals(
        List.of("unknown-dependency", "missing-path", "dependency-cycle", "dependency-cycle"),
        rules,
        run.out());
  }

  @Test
  void givesJsonRangesZeroBasedAndPathsRelativeWithForwardSlashes() {
    JsonObject report =
        json(CommandLineRun.of("check", repo(BROKEN).toString(), "--format", "json").out());
    JsonObject unknown = report.getAsJsonArray("findings").get(0).getAsJsonObject();
    assertEquals("apps/web/ks.yaml", unknown.get("path").getAsString());
    JsonObject range = unknown.getAsJsonObject("range");
    assertEquals(8, range.getAsJsonObject("start").get("line").getAsInt());
    assertEquals(12, range.getAsJsonObject("start").get("character").getAsInt());
    assertEquals(8, range.getAsJsonObject("end").get("line").getAsInt());
    assertEquals(19, range.getAsJsonObject("end").get("character").getAsInt());
    JsonObject cycle = report.getAsJsonArray("findings").get(2).getAsJsonObject();
    JsonObject related = cycle.getAsJsonArray("related").get(0).getAsJsonObject();
    assertEquals("clusters/home/apps.yaml", related.get("path").getAsString());
    assertEquals(
        19, related.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
  }

  @Test
  void sortsJsonFindingsByPathLineCharacterAndRule() {
    JsonArray findings =
        json(CommandLineRun.of("check", repo(BROKEN).toString(), "--format", "json").out())
            .getAsJsonArray("findings");
    Comparator<JsonObject> order =
        Comparator.<JsonObject, String>comparing(f -> f.get("path").getAsString())
            .thenComparingInt(
                f -> f.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt())
            .thenComparingInt(
                f ->
                    f.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt())
            .thenComparing(f -> f.get("rule").getAsString());
    List<JsonObject> actual = new ArrayList<>();
    findings.forEach(f -> actual.add(f.getAsJsonObject()));
    List<JsonObject> sorted = new ArrayList<>(actual);
    sorted.sort(order);
    assertEquals(sorted, actual);
    assertTrue(actual.size() >= 4);
  }

  @Test
  void listsFixTitlesForEachFinding() {
    JsonArray findings =
        json(CommandLineRun.of("check", repo(BROKEN).toString(), "--format", "json").out())
            .getAsJsonArray("findings");
    for (JsonElement finding : findings) {
      JsonArray fixes = finding.getAsJsonObject().getAsJsonArray("fixes");
      assertFalse(fixes.isEmpty(), finding.toString());
      assertFalse(fixes.get(fixes.size() - 1).getAsString().isBlank());
    }
  }

  @Test
  void printsTextLinesWithOneBasedPositions() {
    CommandLineRun run = CommandLineRun.of("check", repo(BROKEN).toString());
    assertEquals(1, run.exitCode(), run.toString());
    Pattern line =
        Pattern.compile("^[^:\\s]+:\\d+:\\d+: (error|warning|info|hint)\\[[a-z0-9-]+]: .+$");
    for (String text : run.outLines()) {
      assertTrue(line.matcher(text).matches(), text);
    }
    assertTrue(
        run.outLines()
            .contains(
                "apps/web/ks.yaml:9:13: warning[unknown-dependency]: Kustomization default/web depends on db/databse, but no"
                    + " Kustomization of that name exists in namespace db of cluster clusters/home; Flux retries it forever;"
                    + " did you mean db/database?"),
        run.out());
    assertEquals(4, run.outLines().size(), run.out());
    assertEquals(
        "3 errors, 1 warnings, 0 info in 5 YAML files; reached 1 cluster, "
            + REACHED_KUSTOMIZATIONS
            + " Kustomizations, 0 HelmReleases (Flux unknown)\n",
        run.err());
  }

  @Test
  void exitsZeroOnACleanRepository() {
    CommandLineRun run = CommandLineRun.of("check", repo(CLEAN).toString(), "--fail-on", "info");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("", run.out());
  }

  @Test
  void exitsOneOnWarningsOnlyWhenAskedTo() {
    Path root = repo(WARNING_ONLY);
    assertEquals(0, CommandLineRun.of("check", root.toString()).exitCode());
    assertEquals(1, CommandLineRun.of("check", root.toString(), "--fail-on", "warning").exitCode());
    assertEquals(1, CommandLineRun.of("check", root.toString(), "--fail-on", "info").exitCode());
  }

  @Test
  void exitsOneOnNotesOnlyWithFailOnInfo() throws IOException {
    Path root = repo(CLEAN);
    Files.writeString(root.resolve(".strata.yaml"), "maxFileSize: 100\n");
    Files.writeString(root.resolve("big.yaml"), "data: " + "x".repeat(200) + "\n");
    assertEquals(0, CommandLineRun.of("check", root.toString(), "--fail-on", "warning").exitCode());
    CommandLineRun run = CommandLineRun.of("check", root.toString(), "--fail-on", "info");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("big.yaml:1:1: info[file-skipped]: "), run.out());
  }

  @Test
  void rejectsAFolderThatDoesNotExistWithOneLineAndExitTwo() {
    Path missing = dir.resolve("nowhere");
    CommandLineRun run = CommandLineRun.of("check", missing.toString());
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains(missing.toString()), run.err());
  }

  @Test
  void rejectsAnUnknownFormatWithExitTwo() {
    CommandLineRun run = CommandLineRun.of("check", repo(CLEAN).toString(), "--format", "xml");
    assertEquals(2, run.exitCode(), run.toString());
    assertEquals("", run.out());
  }

  @Test
  void readsTheConfigurationGivenWithConfig() throws IOException {
    Path root = repo(WARNING_ONLY);
    Path config =
        Files.createDirectories(dir.resolve("../config-" + dir.getFileName()).normalize())
            .resolve("strict.yaml");
    Files.writeString(config, "rules:\n  unknown-dependency: error\n");
    CommandLineRun run = CommandLineRun.of("check", root.toString(), "--config", config.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("error[unknown-dependency]"), run.out());
    Files.writeString(root.resolve(".strata.yaml"), "rules:\n  unknown-dependency: off\n");
    assertEquals("", CommandLineRun.of("check", root.toString()).out());
    assertTrue(
        CommandLineRun.of("check", root.toString(), "--config", config.toString())
            .out()
            .contains("error[unknown-dependency]"));
    Files.delete(config);
    Files.delete(config.getParent());
  }

  @Test
  void rejectsAConfigurationFileThatIsNotYamlWithExitTwo() throws IOException {
    Path root = repo(WARNING_ONLY);
    Path config = dir.resolve("broken-config.yaml");
    Files.writeString(config, "rules:\n  unknown-dependency: [error\n");
    for (String format : List.of("text", "json", "sarif")) {
      CommandLineRun run =
          CommandLineRun.of(
              "check", root.toString(), "--config", config.toString(), "--format", format);
      assertEquals(2, run.exitCode(), run.toString());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("strata: " + config + ":3:1: not valid YAML"), run.err());
    }
  }

  @Test
  void saysWhenTheConfigurationLiesOutsideTheFolder() throws IOException {
    Path root = Files.createDirectories(dir.resolve("repo"));
    repo(WARNING_ONLY.replace("#- ", "#- repo/"));
    Path config = dir.resolve("strict.yaml");
    Files.writeString(config, "rules:\n  no-such-rule: error\n");
    CommandLineRun text =
        CommandLineRun.of("check", root.toString(), "--config", config.toString());
    assertTrue(text.out().startsWith(config + ":2:3: error[invalid-config]"), text.out());
    assertTrue(
        text.err().contains("the configuration file " + config + " lies outside " + root),
        text.err());
    JsonObject json =
        json(
            CommandLineRun.of(
                    "check", root.toString(), "--config", config.toString(), "--format", "json")
                .out());
    JsonObject described = json.getAsJsonObject("config");
    assertEquals(config.toString(), described.get("path").getAsString());
    assertFalse(described.get("insideRoot").getAsBoolean());
    Files.writeString(root.resolve(".strata.yaml"), "rules: {}\n");
    JsonObject inside = json(CommandLineRun.of("check", root.toString(), "--format", "json").out());
    assertEquals(".strata.yaml", inside.getAsJsonObject("config").get("path").getAsString());
    assertTrue(inside.getAsJsonObject("config").get("insideRoot").getAsBoolean());
  }

  @Test
  void rejectsAConfigurationFileThatDoesNotExist() {
    CommandLineRun run =
        CommandLineRun.of(
            "check", repo(CLEAN).toString(), "--config", dir.resolve("none.yaml").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void printsTheVersion() {
    CommandLineRun run = CommandLineRun.of("--version");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().matches("strata \\d+\\.\\d+\\.\\d+.*\\R"), run.out());
  }

  @Test
  void printsHelpThatNamesTheCommands() {
    CommandLineRun run = CommandLineRun.of("--help");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("check"), run.out());
    assertTrue(run.out().contains("graph"), run.out());
    CommandLineRun check = CommandLineRun.of("check", "--help");
    assertEquals(0, check.exitCode());
    assertTrue(check.out().contains("--fail-on"), check.out());
    assertTrue(check.out().contains("--config"), check.out());
  }
}
