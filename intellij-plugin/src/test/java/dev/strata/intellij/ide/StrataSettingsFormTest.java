package dev.strata.intellij.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.intellij.settings.Severity;
import dev.strata.intellij.settings.StrataSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrataSettingsFormTest {

  @Test
  void showsAndReadsBackTheSameSettings() {
    StrataSettings settings =
        new StrataSettings(
            "/jdk",
            "-Xmx1g",
            Map.of("dependency-cycle", Severity.ERROR, "file-skipped", Severity.OFF));
    StrataSettingsForm form = new StrataSettingsForm();
    form.show(settings);
    assertEquals(settings, form.read());
  }

  @Test
  void leavesRulesAtDefaultUnlessChosen() {
    StrataSettingsForm form = new StrataSettingsForm();
    form.show(StrataSettings.defaults());
    assertEquals(Map.of(), form.read().rules());
  }
}
