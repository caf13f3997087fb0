package dev.strata.intellij.settings;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user chose on the settings page. {@code rules} holds only the rules the user overrode;
 * the others keep the severity the repository's configuration gives them.
 */
public record StrataSettings(String javaPath, String jvmOptions, Map<String, Severity> rules) {

  /** The section name of workspace/configuration and workspace/didChangeConfiguration. */
  public static final String SECTION = "strata";

  public StrataSettings {
    javaPath = javaPath == null ? "" : javaPath.trim();
    jvmOptions = jvmOptions == null ? "" : jvmOptions.trim();
    rules = Map.copyOf(rules);
  }

  public static StrataSettings defaults() {
    return new StrataSettings("", "", Map.of());
  }

  /** Reads the rule map as persisted (rule id to wire name), dropping unknown severities. */
  public static Map<String, Severity> rulesFromStored(Map<String, String> stored) {
    Map<String, Severity> rules = new TreeMap<>();
    stored.forEach(
        (id, value) -> Severity.fromWireName(value).ifPresent(severity -> rules.put(id, severity)));
    return rules;
  }

  public Map<String, String> rulesToStored() {
    Map<String, String> stored = new TreeMap<>();
    rules.forEach((id, severity) -> stored.put(id, severity.wireName()));
    return stored;
  }

  /**
   * The settings object itself: sent as initializationOptions. Sorted, so equal settings give equal
   * JSON.
   */
  public JsonObject toServerSettings() {
    JsonObject rulesJson = new JsonObject();
    new TreeMap<>(rules).forEach((id, severity) -> rulesJson.addProperty(id, severity.wireName()));
    JsonObject settings = new JsonObject();
    settings.add("rules", rulesJson);
    return settings;
  }

  /** The settings under their section: the {@code settings} of workspace/didChangeConfiguration. */
  public JsonObject toConfigurationSection() {
    JsonObject section = new JsonObject();
    section.add(SECTION, toServerSettings());
    return section;
  }
}
