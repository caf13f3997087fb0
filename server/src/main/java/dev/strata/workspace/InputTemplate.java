package dev.strata.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of flux-operator's ResourceSet templates that can be rendered without a cluster: Go
 * template actions between {@code <<} and {@code >>} that read an input ({@code inputs.a.b}, {@code
 * index inputs "a"}, {@code get inputs "a"}) through a pipeline of the string functions {@code
 * quote}, {@code squote}, {@code lower}, {@code upper}, {@code title}, {@code trim}, {@code
 * toString}, {@code slugify} and {@code default}. Any other action (conditions, loops, other
 * functions) makes the text unknown, and so does a missing input, which fails the real render
 * ({@code missingkey=error}; flux-operator {@code internal/builder/resourceset.go}).
 */
final class InputTemplate {
  private static final Pattern ACTION = Pattern.compile("<<-?\\s*(.*?)\\s*-?>>", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("^\"((?:[^\"\\\\]++|\\\\.)*+)\"$");

  private InputTemplate() {}

  /** True when the text has any template action. */
  static boolean templated(String text) {
    return text.contains("<<");
  }

  /** The rendered text, or empty when an action cannot be rendered here. */
  static Optional<String> render(String text, Map<String, Object> inputs) {
    if (!templated(text)) {
      return Optional.of(text);
    }
    Matcher matcher = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      Optional<String> value = evaluate(matcher.group(1), inputs);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      out.append(text, last, matcher.start()).append(value.get());
      last = matcher.end();
    }
    out.append(text.substring(last));
    String result = out.toString();
    return result.contains("<<") ? Optional.empty() : Optional.of(result);
  }

  private static Optional<String> evaluate(String action, Map<String, Object> inputs) {
    List<String> stages = new ArrayList<>();
    for (String stage : action.split("\\|")) {
      stages.add(stage.strip());
    }
    Optional<Object> value = operand(stages.get(0), inputs);
    for (int i = 1; i < stages.size() && value.isPresent(); i++) {
      value = function(stages.get(i), value.get());
    }
    return value.map(InputTemplate::text);
  }

  private static Optional<Object> operand(String expression, Map<String, Object> inputs) {
    if (expression.startsWith("inputs.")) {
      Object current = inputs;
      for (String key : expression.substring("inputs.".length()).split("\\.")) {
        if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
          return Optional.empty();
        }
        current = map.get(key);
      }
      return Optional.ofNullable(current);
    }
    Matcher lookup =
        Pattern.compile("^(?:index|get)\\s+inputs\\s+\"([^\"]+)\"$").matcher(expression);
    if (lookup.matches()) {
      Object value = inputs.get(lookup.group(1));
      if (value == null && expression.startsWith("get")) {
        return Optional.of("");
      }
      return Optional.ofNullable(value);
    }
    Matcher literal = STRING.matcher(expression);
    return literal.matches() ? Optional.of(literal.group(1)) : Optional.empty();
  }

  private static Optional<Object> function(String stage, Object value) {
    String text = text(value);
    if (stage.startsWith("default ")) {
      Matcher literal = STRING.matcher(stage.substring("default ".length()).strip());
      if (!literal.matches()) {
        return Optional.empty();
      }
      return Optional.of(text.isEmpty() ? literal.group(1) : value);
    }
    return switch (stage) {
      case "quote" -> Optional.of("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      case "squote" -> Optional.of("'" + text + "'");
      case "lower" -> Optional.of(text.toLowerCase(Locale.ROOT));
      case "upper" -> Optional.of(text.toUpperCase(Locale.ROOT));
      case "title" ->
          Optional.of(
              text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1));
      case "trim" -> Optional.of(text.strip());
      case "toString" -> Optional.of(text);
      case "slugify" -> Optional.of(slug(text));
      default -> Optional.empty();
    };
  }

  /** gosimple/slug for ASCII text: lower case, runs of other characters become one dash. */
  private static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : String.valueOf(value);
  }
}
