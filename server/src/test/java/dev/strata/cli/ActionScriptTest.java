package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CommandLineRun;
import dev.strata.testing.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines that action.yml runs, through bin/strata-action as a runner would run them: a
 * workspace (a git work tree) with the repository to check in a folder whose name has a space.
 */
class ActionScriptTest {
  @TempDir Path workspace;

  private Path checked(String example) throws IOException {
    Files.createDirectories(workspace.resolve(".git"));
    Path folder = workspace.resolve("flux repo");
    RepositoryCopy.withSpecialNames(
        ActionMetadataTest.top().resolve("examples").resolve(example), folder, java.util.List.of());
    return folder;
  }

  private CommandLineRun action(String mode, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh", ActionMetadataTest.top().resolve("bin/strata-action").toString(), mode)
            .directory(workspace.toFile());
    builder.environment().put("STRATA_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("GITHUB_WORKSPACE", workspace.toString());
    builder.environment().putAll(env);
    Path out = workspace.resolve("out.txt");
    Path err = workspace.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/strata-action did not finish");
    return new CommandLineRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void writesValidSarifRelativeToTheWorkspaceWithoutFailingOnFindings() throws Exception {
    checked("broken");
    Path output = workspace.resolve("github-output");
    CommandLineRun run =
        action(
            "sarif",
            Map.of(
                "STRATA_PATH", "flux repo",
                "STRATA_SARIF", "results.sarif",
                "GITHUB_OUTPUT", output.toString()));
    assertEquals(0, run.exitCode(), run.toString());
    String sarif = Files.readString(workspace.resolve("results.sarif"));
    assertEquals(java.util.List.of(), JsonSchemas.SARIF.problems(sarif));
    assertTrue(sarif.contains("\"uri\": \"flux%20repo/kubernetes/"), sarif);
    assertEquals("sarif-file=results.sarif\n", Files.readString(output));
  }

  @Test
  void failsTheSarifStepOnBadUsageOnly() throws Exception {
    CommandLineRun run = action("sarif", Map.of("STRATA_PATH", "no such folder"));
    assertEquals(2, run.exitCode(), run.toString());
  }

  @Test
  void passesTheCheckStepOnTheLayeredExample() throws Exception {
    checked("layered");
    CommandLineRun run =
        action("check", Map.of("STRATA_PATH", "flux repo", "STRATA_FAIL_ON", "info"));
    assertEquals(0, run.exitCode(), run.toString());
  }

  @Test
  void failsTheCheckStepAtTheFailLevel() throws Exception {
    checked("broken");
    CommandLineRun run = action("check", Map.of("STRATA_PATH", "flux repo"));
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("error[dependency-cycle]"), run.out());
    CommandLineRun bad = action("check", Map.of("STRATA_PATH", "flux repo", "STRATA_FAIL_ON", "x"));
    assertEquals(2, bad.exitCode(), bad.toString());
  }
}
