package dev.strata.intellij.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the settings page's rule list equal to the one docs/lsp-extensions.md promises to clients.
 */
class RuleIdsTest {

  @Test
  void matchesTheRuleIdsOfTheLspExtensionsPage() throws IOException {
    String page = Files.readString(Path.of(System.getProperty("strata.docs"), "lsp-extensions.md"));
    int start = page.indexOf("Rule ids:");
    String paragraph = page.substring(start, page.indexOf("\n\n", start));
    List<String> documented = new ArrayList<>();
    Matcher id = Pattern.compile("`([a-z0-9-]+)`").matcher(paragraph);
    while (id.find()) {
      documented.add(id.group(1));
    }
    assertEquals(documented, RuleIds.ALL);
  }
}
