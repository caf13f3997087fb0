package dev.strata.analysis;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A small path language over YAML nodes, so that tables of fields can be data: segments separated
 * by dots; {@code []} is every item of a sequence; {@code *} any key; {@code *Suffix} any key
 * ending so; {@code **} any depth, sequences included. {@code
 * spec.acme.solvers[].dns01.**.*SecretRef.name}.
 */
public record FieldPath(List<String> segments) {
  public static FieldPath parse(String text) {
    List<String> segments = new ArrayList<>();
    for (String part : text.split("\\.")) {
      if (part.endsWith("[]") && part.length() > 2) {
        segments.add(part.substring(0, part.length() - 2));
        segments.add("[]");
      } else {
        segments.add(part);
      }
    }
    return new FieldPath(List.copyOf(segments));
  }

  public List<YamlNode> select(YamlNode root) {
    List<YamlNode> out = new ArrayList<>();
    walk(root, 0, out, 0);
    return out;
  }

  private void walk(YamlNode node, int index, List<YamlNode> out, int depth) {
    if (depth > 64) {
      return;
    }
    if (index == segments.size()) {
      out.add(node);
      return;
    }
    String segment = segments.get(index);
    if (segment.equals("**")) {
      walk(node, index + 1, out, depth + 1);
      // Iterated in place: this loop visits every node below, so a copied list per node costs more
      // than the walk.
      if (node instanceof YamlMapping mapping) {
        for (YamlMapping.Entry entry : mapping.entries()) {
          walk(entry.value(), index, out, depth + 1);
        }
      } else if (node instanceof YamlSequence sequence) {
        for (YamlNode item : sequence.items()) {
          walk(item, index, out, depth + 1);
        }
      }
      return;
    }
    if (segment.equals("[]")) {
      if (node instanceof YamlSequence sequence) {
        sequence.items().forEach(item -> walk(item, index + 1, out, depth + 1));
      }
      return;
    }
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String key = entry.keyText().orElse(null);
        if (key != null && matches(segment, key)) {
          walk(entry.value(), index + 1, out, depth + 1);
        }
      }
    }
  }

  private static boolean matches(String segment, String key) {
    if (segment.equals("*")) {
      return true;
    }
    if (segment.startsWith("*")) {
      return key.endsWith(segment.substring(1));
    }
    return segment.equals(key);
  }
}
