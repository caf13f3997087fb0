package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.JsonSchemas;
import dev.strata.testing.TempRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub resolves SARIF paths against the repository root: inside a git work tree, URIs are
 * relative to its top whatever folder was checked, {@code --sarif-root} overrides that, and a
 * {@code --config} file outside gets a base of its own instead of an absolute path.
 */
class SarifRootsTest {
  @TempDir Path dir;

  private Path checkedFolder() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    return TempRepository.write(
        Files.createDirectories(dir.resolve("deploy/flux")), CheckCommandTest.BROKEN);
  }

  private static JsonObject run(String... args) {
    CommandLineRun run = CommandLineRun.of(args);
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(List.of(), JsonSchemas.SARIF.problems(run.out()));
    return JsonParser.parseString(run.out())
        .getAsJsonObject()
        .getAsJsonArray("runs")
        .get(0)
        .getAsJsonObject();
  }

  private static List<String> uris(JsonObject run) {
    List<String> uris = new ArrayList<>();
    run.getAsJsonArray("results")
        .forEach(
            r ->
                uris.add(
                    r.getAsJsonObject()
                        .getAsJsonArray("locations")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("physicalLocation")
                        .getAsJsonObject("artifactLocation")
                        .get("uri")
                        .getAsString()));
    return uris;
  }

  private static JsonObject base(JsonObject run, String id) {
    return run.getAsJsonObject("originalUriBaseIds").getAsJsonObject(id);
  }

  @Test
  void writesUrisRelativeToTheTopOfTheGitWorkTree() throws IOException {
    JsonObject run = run("check", checkedFolder().toString(), "--format", "sarif");
    for (String uri : uris(run)) {
      assertTrue(uri.startsWith("deploy/flux/"), uri);
    }
    assertEquals(dir.toUri().toString(), base(run, "SRCROOT").get("uri").getAsString());
    assertTrue(
        base(run, "SRCROOT").toString().contains("git work tree"), base(run, "SRCROOT").toString());
  }

  @Test
  void findsTheTopOfALinkedWorkTreeWhoseGitIsAFile() throws IOException {
    Path folder = TempRepository.write(dir.resolve("wt"), CheckCommandTest.BROKEN);
    Files.writeString(dir.resolve("wt/.git"), "gitdir: /elsewhere/.git/worktrees/wt\n");
    JsonObject run = run("check", folder.toString(), "--format", "sarif");
    assertTrue(uris(run).stream().noneMatch(u -> u.startsWith("wt/")), uris(run).toString());
    assertEquals(folder.toUri().toString(), base(run, "SRCROOT").get("uri").getAsString());
  }

  @Test
  void usesTheFolderGivenWithSarifRoot() throws IOException {
    Path folder = checkedFolder();
    JsonObject run =
        run(
            "check",
            folder.toString(),
            "--format",
            "sarif",
            "--sarif-root",
            dir.resolve("deploy").toString());
    for (String uri : uris(run)) {
      assertTrue(uri.startsWith("flux/"), uri);
    }
    assertTrue(base(run, "SRCROOT").toString().contains("--sarif-root"));
  }

  @Test
  void usesTheCheckedFolderOutsideGit() {
    Path folder = TempRepository.write(dir, CheckCommandTest.BROKEN);
    JsonObject run = run("check", folder.toString(), "--format", "sarif");
    assertTrue(uris(run).contains("apps/web/ks.yaml"), uris(run).toString());
    assertTrue(base(run, "SRCROOT").toString().contains("not inside a git work tree"));
  }

  @Test
  void rejectsASarifRootThatDoesNotHoldTheFolder() throws IOException {
    Path folder = checkedFolder();
    CommandLineRun run =
        CommandLineRun.of(
            "check",
            folder.toString(),
            "--format",
            "sarif",
            "--sarif-root",
            dir.resolve("elsewhere").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--sarif-root"), run.err());
  }

  @Test
  void givesAConfigurationOutsideItsOwnBase() throws IOException {
    Path folder = TempRepository.write(dir.resolve("repo"), CheckCommandTest.BROKEN);
    Path config = Files.createDirectories(dir.resolve("my config")).resolve("strict.yaml");
    Files.writeString(config, "rules:\n  no-such-rule: error\n");
    JsonObject run =
        run("check", folder.toString(), "--format", "sarif", "--config", config.toString());
    assertTrue(uris(run).contains("strict.yaml"), uris(run).toString());
    assertTrue(uris(run).stream().noneMatch(u -> u.startsWith("/") || u.contains(":")));
    assertEquals(
        config.getParent().toUri().toString(), base(run, "CONFIGROOT").get("uri").getAsString());
    assertFalse(base(run, "SRCROOT").get("uri").getAsString().contains("my%20config"));
  }
}
