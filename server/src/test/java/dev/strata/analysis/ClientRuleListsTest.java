package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps every list of rule ids that clients read equal to the live catalogue, in its order: the
 * contract in {@code docs/lsp-extensions.md}, the VS Code settings schema ({@code strata.rules} in
 * {@code package.json}) and the IntelliJ settings page ({@code RuleIds}). A rule added to the
 * server without them would be missing from the editors' settings.
 */
class ClientRuleListsTest {
  private static final Path PROJECT =
      Path.of(System.getProperty("strata.docs", "../docs")).getParent();

  private static List<String> catalogue() {
    return RuleCatalogue.rules().stream().map(Rule::id).toList();
  }

  private static List<String> quoted(String text, Pattern pattern) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  @Test
  void theLspContractListsEveryRule() throws IOException {
    String page = Files.readString(PROJECT.resolve("docs/lsp-extensions.md"));
    Matcher section = Pattern.compile("Rule ids: ([\\s\\S]*?)\\n\\n").matcher(page);
    assertTrue(section.find(), "no \"Rule ids:\" paragraph in docs/lsp-extensions.md");
    assertEquals(catalogue(), quoted(section.group(1), Pattern.compile("`([a-z0-9-]+)`")));
  }

  @Test
  void theVsCodeSettingsSchemaHasAPropertyPerRule() throws IOException {
    JsonObject manifest =
        JsonParser.parseString(Files.readString(PROJECT.resolve("vscode-client/package.json")))
            .getAsJsonObject();
    JsonObject rules =
        manifest
            .getAsJsonObject("contributes")
            .getAsJsonObject("configuration")
            .getAsJsonObject("properties")
            .getAsJsonObject("strata.rules")
            .getAsJsonObject("properties");
    assertEquals(catalogue(), new ArrayList<>(rules.keySet()));
  }

  @Test
  void theIntellijSettingsPageHasARowPerRule() throws IOException {
    String source =
        Files.readString(
            PROJECT.resolve(
                "intellij-plugin/src/main/java/dev/strata/intellij/settings/RuleIds.java"));
    Matcher list = Pattern.compile("List\\.of\\(([\\s\\S]*?)\\);").matcher(source);
    assertTrue(list.find(), "no List.of(...) in RuleIds.java");
    assertEquals(catalogue(), quoted(list.group(1), Pattern.compile("\"([a-z0-9-]+)\"")));
  }
}
