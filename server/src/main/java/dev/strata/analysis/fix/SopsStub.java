package dev.strata.analysis.fix;

import dev.strata.model.ExternalSecret;
import dev.strata.model.Located;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text of the plaintext Secret that replaces an ExternalSecret: its name, namespace (only where
 * the ExternalSecret wrote one), type, template labels and annotations, and one {@code stringData}
 * key per key the ExternalSecret produces, each {@code "REPLACE_ME"} with a comment naming where
 * the value came from. Keys only known at run time ({@code dataFrom}, {@code templateFrom}) become
 * comments. It reads names, never values, and never writes a {@code sops:} block.
 */
final class SopsStub {
  static final String PLACEHOLDER = "\"REPLACE_ME\"";
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]*");

  private final ExternalSecret secret;
  private final String indent;
  private final String newline;
  private final List<String> lines = new ArrayList<>();

  private SopsStub(ExternalSecret secret, int indentUnit, String newline) {
    this.secret = secret;
    this.indent = YamlText.spaces(indentUnit);
    this.newline = newline;
  }

  static String text(ExternalSecret secret, int indentUnit, String newline) {
    return new SopsStub(secret, indentUnit, newline).write();
  }

  private String write() {
    lines.add("apiVersion: v1");
    lines.add("kind: Secret");
    lines.add("metadata:");
    lines.add(indent + "name: " + secret.targetName());
    secret.meta().namespace().ifPresent(n -> lines.add(indent + "namespace: " + n.value()));
    stringMap("labels", secret.templateLabels());
    stringMap("annotations", secret.templateAnnotations());
    lines.add("type: " + secret.templateType().orElse("Opaque"));
    lines.add("stringData:");
    keys();
    dataFrom();
    templateFrom();
    return String.join(newline, lines) + newline;
  }

  private void stringMap(String key, Map<String, String> values) {
    Map<String, String> sorted = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (!v.contains("{{")) {
            sorted.put(k, v);
          }
        });
    if (sorted.isEmpty()) {
      return;
    }
    lines.add(indent + key + ":");
    sorted.forEach((k, v) -> lines.add(indent + indent + key(k) + ": " + quote(v)));
  }

  private void keys() {
    String store = storeName(Optional.empty());
    if (!secret.templateDataKeys().isEmpty()) {
      String reads = String.join(", ", secret.data().stream().map(SopsStub::remote).toList());
      String comment =
          "# from the ExternalSecret's template"
              + (reads.isEmpty() ? "" : " over " + store + " " + reads);
      for (Located<String> key : secret.templateDataKeys()) {
        lines.add(indent + key(key.value()) + ": " + PLACEHOLDER + " " + comment);
      }
      return;
    }
    List<YamlMapping> entries = items("spec", "data");
    for (int i = 0; i < secret.data().size(); i++) {
      ExternalSecret.DataEntry entry = secret.data().get(i);
      Optional<YamlMapping> raw =
          i < entries.size() ? Optional.of(entries.get(i)) : Optional.empty();
      lines.add(
          indent
              + key(entry.secretKey().value())
              + ": "
              + PLACEHOLDER
              + " # from "
              + storeName(raw)
              + " "
              + remote(entry));
    }
  }

  private static String remote(ExternalSecret.DataEntry entry) {
    return entry.remoteKey().map(k -> "key " + quote(k)).orElse("")
        + entry.property().map(p -> " property " + quote(p)).orElse("");
  }

  private void dataFrom() {
    for (YamlMapping entry : items("spec", "dataFrom")) {
      String store = storeName(Optional.of(entry));
      Optional<String> extract = text(entry, "extract", "key");
      Optional<String> generator = text(entry, "sourceRef", "generatorRef", "name");
      String from;
      if (extract.isPresent()) {
        from = "dataFrom extract of " + store + " key " + quote(extract.get());
      } else if (child(entry, "find").isPresent()) {
        String path = text(entry, "find", "path").map(p -> " path " + quote(p)).orElse("");
        String name =
            text(entry, "find", "name", "regexp").map(r -> " name " + quote(r)).orElse("");
        from = "dataFrom find in " + store + path + name;
      } else if (generator.isPresent()) {
        from =
            "dataFrom generator "
                + text(entry, "sourceRef", "generatorRef", "kind").orElse("")
                + " "
                + generator.get();
      } else {
        from = "dataFrom of " + store;
      }
      lines.add(
          indent
              + "# "
              + from.replaceAll("\\s+", " ").trim()
              + ": its keys cannot be known statically; add them here");
    }
  }

  private void templateFrom() {
    for (YamlMapping entry : items("spec", "target", "template", "templateFrom")) {
      String from;
      if (child(entry, "configMap").isPresent()) {
        from = "templateFrom ConfigMap " + text(entry, "configMap", "name").orElse("");
      } else if (child(entry, "secret").isPresent()) {
        from = "templateFrom Secret " + text(entry, "secret", "name").orElse("");
      } else {
        from = "templateFrom literal";
      }
      lines.add(
          indent
              + "# "
              + from.trim()
              + ": the keys it renders cannot be known statically; add them here");
    }
  }

  private String storeName(Optional<YamlMapping> entry) {
    return entry
        .flatMap(e -> text(e, "sourceRef", "storeRef", "name"))
        .or(() -> secret.storeRef().map(r -> r.name().value()))
        .map(SopsStub::oneLine)
        .orElse("the secret store");
  }

  private List<YamlMapping> items(String... path) {
    Optional<YamlNode> node = child(secret.meta().node(), path);
    if (node.isEmpty() || !(node.get() instanceof YamlSequence sequence)) {
      return List.of();
    }
    return sequence.items().stream()
        .filter(YamlMapping.class::isInstance)
        .map(YamlMapping.class::cast)
        .toList();
  }

  private static Optional<YamlNode> child(YamlNode node, String... path) {
    Optional<YamlNode> current = Optional.of(node);
    for (String key : path) {
      current =
          current.filter(YamlMapping.class::isInstance).flatMap(m -> ((YamlMapping) m).get(key));
    }
    return current;
  }

  private static Optional<String> text(YamlNode node, String... path) {
    return child(node, path)
        .filter(YamlScalar.class::isInstance)
        .map(s -> ((YamlScalar) s).value())
        .filter(v -> !v.isEmpty())
        .map(SopsStub::oneLine);
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }

  private static String key(String key) {
    return PLAIN_KEY.matcher(key).matches() && !key.endsWith("-") ? key : quote(key);
  }

  static String quote(String value) {
    return "\"" + oneLine(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
