package dev.strata.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.strata.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings object of docs/lsp-extensions.md, wherever it travels: initializationOptions, the
 * {@code strata} section of didChangeConfiguration, or the answer to workspace/configuration.
 * Immutable: a change replaces the whole value, never mutates the one a request is reading.
 */
public record Settings(Map<String, Severity> rules, long debounceMs) {
  public static final long DEFAULT_DEBOUNCE_MS = 150;
  public static final Settings DEFAULT = new Settings(Map.of(), DEFAULT_DEBOUNCE_MS);

  public Settings {
    rules = Map.copyOf(rules);
  }

  /**
   * Reads the object itself or one wrapped in {@code {"strata": ...}}; what it cannot read keeps
   * its default.
   */
  public static Settings from(Object value) {
    if (!(value instanceof JsonElement element) || !element.isJsonObject()) {
      return DEFAULT;
    }
    JsonObject object = element.getAsJsonObject();
    if (object.has("strata") && object.get("strata").isJsonObject()) {
      object = object.getAsJsonObject("strata");
    }
    return new Settings(rules(object), debounce(object).orElse(DEFAULT_DEBOUNCE_MS));
  }

  private static Map<String, Severity> rules(JsonObject object) {
    Map<String, Severity> result = new LinkedHashMap<>();
    if (object.has("rules") && object.get("rules").isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : object.getAsJsonObject("rules").entrySet()) {
        if (entry.getValue().isJsonPrimitive()) {
          Severity.parse(entry.getValue().getAsString())
              .ifPresent(s -> result.put(entry.getKey(), s));
        }
      }
    }
    return result;
  }

  private static Optional<Long> debounce(JsonObject object) {
    JsonElement value = object.get("debounceMs");
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return Optional.empty();
    }
    return Optional.of(Math.max(0, value.getAsLong()));
  }
}
