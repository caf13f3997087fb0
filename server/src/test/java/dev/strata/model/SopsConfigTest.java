package dev.strata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.syntax.YamlParser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code .sops.yaml} is the repository's to write: its {@code path_regex} may backtrack
 * catastrophically or nest deeper than the regex engine's stack. Neither may hang or crash the
 * analysis.
 */
class SopsConfigTest {
  private static SopsConfig read(String regex) {
    return SopsConfig.read(
        ".sops.yaml",
        YamlParser.parse("creation_rules:\n  - path_regex: '" + regex + "'\n    age: age1x\n"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void catastrophicBacktrackingEndsAndCountsAsAMatch() {
    SopsConfig config = read("(.*a){12}x");
    String path = "a".repeat(40) + "!.sops.yaml";
    assertTrue(config.ruleFor(path).isPresent(), "undecided counts as matching: no false warning");
    assertTrue(config.ruleFor("ax").isEmpty());
    assertTrue(config.ruleFor("a".repeat(12) + "x").isPresent());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRegexTooDeepToCompileIsAProblem() {
    SopsConfig config = read("(".repeat(20_000) + ")".repeat(20_000));
    assertEquals(1, config.problems().size(), config.problems().toString());
    assertTrue(config.problems().get(0).message().contains("path_regex"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMatchTooDeepForTheStackCountsAsAMatch() {
    SopsConfig config = read("^(a|b)*$");
    assertTrue(config.ruleFor("ab".repeat(50_000)).isPresent());
  }
}
