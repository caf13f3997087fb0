package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the live rule catalogue, the documentation and the tests in step: every registered rule
 * needs a page {@code docs/rules/<id>.md} and a test class {@code <Rule>Test} beside it. A rule
 * added without either fails the build here.
 */
class RuleCatalogueTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

  private static Path docs() {
    return Path.of(System.getProperty("strata.docs", "../docs"));
  }

  @Test
  void givesEveryRuleAUniqueKebabCaseId() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : RuleCatalogue.rules()) {
      assertTrue(KEBAB.matcher(rule.id()).matches(), rule.id() + " is not kebab-case");
      assertTrue(seen.add(rule.id()), rule.id() + " is registered twice");
    }
    assertEquals(seen, RuleCatalogue.ids());
  }

  @Test
  void namesEachRuleClassAfterItsId() {
    for (Rule rule : RuleCatalogue.rules()) {
      StringBuilder expected = new StringBuilder();
      for (String part : rule.id().split("-")) {
        expected.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      assertEquals(expected + "Rule", rule.getClass().getSimpleName(), "class of " + rule.id());
    }
  }

  @Test
  void givesEveryRuleASummaryAndAnActiveDefaultSeverity() {
    for (Rule rule : RuleCatalogue.rules()) {
      assertNotEquals(Severity.OFF, rule.defaultSeverity(), rule.id());
      assertTrue(rule.summary().endsWith("."), rule.id() + ": summary must be a sentence");
    }
  }

  @Test
  void documentsEveryRuleWithItsDefaultSeverityAndSuppression() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Rule rule : RuleCatalogue.rules()) {
      Path page = docs().resolve("rules").resolve(rule.id() + ".md");
      if (!Files.isRegularFile(page)) {
        problems.add(rule.id() + ": no page " + page);
        continue;
      }
      String text = Files.readString(page);
      if (!text.startsWith("# " + rule.id())) {
        problems.add(rule.id() + ": the page must start with \"# " + rule.id() + "\"");
      }
      Pattern severityLine =
          Pattern.compile(
              "(?im)^.*default severity\\W+" + rule.defaultSeverity().label() + "\\b.*$");
      if (!severityLine.matcher(text).find()) {
        problems.add(
            rule.id()
                + ": the page must say \"Default severity: "
                + rule.defaultSeverity().label()
                + "\"");
      }
      if (!text.contains("# strata-ignore: " + rule.id())) {
        problems.add(rule.id() + ": the page must show \"# strata-ignore: " + rule.id() + "\"");
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  @Test
  void hasNoPageForARuleThatDoesNotExist() throws IOException {
    Path rules = docs().resolve("rules");
    try (var pages = Files.list(rules)) {
      List<String> orphans =
          pages
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .map(n -> n.substring(0, n.length() - 3))
              .filter(id -> !RuleCatalogue.ids().contains(id))
              .toList();
      assertEquals(List.of(), orphans, "pages without a rule in " + rules);
    }
  }

  @Test
  void testsEveryRuleInATestClassBesideIt() {
    List<String> missing = new ArrayList<>();
    for (Rule rule : RuleCatalogue.rules()) {
      String test = rule.getClass().getName() + "Test";
      try {
        Class.forName(test, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(rule.id() + ": no " + test);
      }
    }
    if (!missing.isEmpty()) {
      fail(String.join("\n", missing));
    }
  }
}
