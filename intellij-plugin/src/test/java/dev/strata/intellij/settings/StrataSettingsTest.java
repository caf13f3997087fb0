package dev.strata.intellij.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrataSettingsTest {

  private final StrataSettings settings =
      new StrataSettings(
          " /jdk ",
          "-Xmx1g",
          Map.of(
              "missing-dependency", Severity.WARNING, "application-secret-in-sops", Severity.OFF));

  @Test
  void sendsRulesAsInitializationOptions() {
    assertEquals(
        "{\"rules\":{\"application-secret-in-sops\":\"off\",\"missing-dependency\":\"warning\"}}",
        settings.toServerSettings().toString());
  }

  @Test
  void sendsTheStrataSectionOnChange() {
    assertEquals(
        "{\"strata\":{\"rules\":{\"application-secret-in-sops\":\"off\","
            + "\"missing-dependency\":\"warning\"}}}",
        settings.toConfigurationSection().toString());
  }

  @Test
  void sendsAnEmptyRuleMapByDefault() {
    assertEquals("{\"rules\":{}}", StrataSettings.defaults().toServerSettings().toString());
  }

  @Test
  void neverSendsTheJavaSettings() {
    assertEquals(false, settings.toServerSettings().toString().contains("jdk"));
  }

  @Test
  void dropsUnknownStoredSeverities() {
    assertEquals(
        Map.of("yaml-syntax", Severity.ERROR),
        StrataSettings.rulesFromStored(Map.of("yaml-syntax", "error", "missing-path", "loud")));
  }

  @Test
  void roundTripsThroughTheStoredForm() {
    assertEquals(settings.rules(), StrataSettings.rulesFromStored(settings.rulesToStored()));
  }

  @Test
  void trimsPaths() {
    assertEquals("/jdk", settings.javaPath());
  }
}
