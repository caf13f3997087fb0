package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * action.yml is valid GitHub Action metadata (SchemaStore's schema, committed with its licence), a
 * composite action whose scripts are the tested bin/strata-action, with every input passed through
 * the environment rather than spliced into shell code.
 */
class ActionMetadataTest {
  static Path top() {
    return Path.of(System.getProperty("strata.examples", "../examples")).resolve("..").normalize();
  }

  private static String action() throws IOException {
    return Files.readString(top().resolve("action.yml"));
  }

  @Test
  void validatesAgainstTheActionMetadataSchema() throws IOException {
    assertEquals(List.of(), JsonSchemas.GITHUB_ACTION.problemsOfYaml(action()));
  }

  @Test
  void rejectsAnActionWithoutRunsSoTheSchemaIsApplied() {
    assertFalse(JsonSchemas.GITHUB_ACTION.problemsOfYaml("name: x\ndescription: y\n").isEmpty());
  }

  @Test
  void runsTheTestedScriptWithInputsOnlyInTheEnvironment() throws IOException {
    JsonNode runs = new YAMLMapper().readTree(action()).get("runs");
    assertEquals("composite", runs.get("using").asString());
    List<String> scripts = new ArrayList<>();
    for (JsonNode step : runs.get("steps")) {
      if (step.has("run")) {
        String script = step.get("run").asString();
        assertFalse(script.contains("${{"), "an expression in shell code: " + script);
        if (script.contains("strata-action")) {
          scripts.add(script);
        }
      }
    }
    assertEquals(
        List.of(
            "\"$GITHUB_ACTION_PATH/bin/strata-action\" sarif",
            "\"$GITHUB_ACTION_PATH/bin/strata-action\" check"),
        scripts);
    assertTrue(action().contains("github/codeql-action/upload-sarif@"));
  }
}
