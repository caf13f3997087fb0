package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Pure operations that make new nodes from old ones: nodes are immutable, so every change copies
 * the path from the root to what changed and shares the rest. Used where a build rewrites a
 * document (patches, replacements) or where Strata writes a document that no file holds (what a
 * FluxInstance or a ResourceSet creates).
 */
public final class YamlNodes {
  private YamlNodes() {}

  /** A copy whose every range is {@code range}: for nodes that come from another text. */
  public static YamlNode relocate(YamlNode node, Range range) {
    if (node instanceof YamlScalar s) {
      return new YamlScalar(s.value(), s.style(), range);
    }
    if (node instanceof YamlSequence q) {
      return new YamlSequence(
          q.items().stream().map(i -> relocate(i, range)).toList(), q.flow(), range);
    }
    YamlMapping m = (YamlMapping) node;
    List<YamlMapping.Entry> entries = new ArrayList<>();
    for (YamlMapping.Entry e : m.entries()) {
      entries.add(new YamlMapping.Entry(relocate(e.key(), range), relocate(e.value(), range)));
    }
    return new YamlMapping(entries, m.flow(), range);
  }

  /** A copy with every scalar value passed through {@code values}; ranges are kept. */
  public static YamlNode mapScalars(YamlNode node, UnaryOperator<String> values) {
    if (node instanceof YamlScalar s) {
      String value = values.apply(s.value());
      return value.equals(s.value()) ? s : new YamlScalar(value, s.style(), s.range());
    }
    if (node instanceof YamlSequence q) {
      return new YamlSequence(
          q.items().stream().map(i -> mapScalars(i, values)).toList(), q.flow(), q.range());
    }
    YamlMapping m = (YamlMapping) node;
    List<YamlMapping.Entry> entries = new ArrayList<>();
    for (YamlMapping.Entry e : m.entries()) {
      entries.add(
          new YamlMapping.Entry(mapScalars(e.key(), values), mapScalars(e.value(), values)));
    }
    return new YamlMapping(entries, m.flow(), m.range());
  }

  /** The mapping with {@code key} set to {@code value}, replacing the first entry of that key. */
  public static YamlMapping with(YamlMapping mapping, String key, YamlNode value) {
    List<YamlMapping.Entry> entries = new ArrayList<>(mapping.entries());
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).keyText().filter(key::equals).isPresent()) {
        entries.set(i, new YamlMapping.Entry(entries.get(i).key(), value));
        return new YamlMapping(entries, mapping.flow(), mapping.range());
      }
    }
    entries.add(new YamlMapping.Entry(scalar(key, value.range()), value));
    return new YamlMapping(entries, mapping.flow(), mapping.range());
  }

  /** The mapping without {@code key}. */
  public static YamlMapping without(YamlMapping mapping, String key) {
    List<YamlMapping.Entry> entries = new ArrayList<>(mapping.entries());
    entries.removeIf(e -> e.keyText().filter(key::equals).isPresent());
    return new YamlMapping(entries, mapping.flow(), mapping.range());
  }

  /** A plain scalar; {@code null} text is YAML's null. */
  public static YamlScalar scalar(String value, Range range) {
    return new YamlScalar(value, YamlScalar.Style.DOUBLE_QUOTED, range);
  }

  /** An empty mapping at a range, for paths that a change creates. */
  public static YamlMapping emptyMapping(Range range) {
    return new YamlMapping(List.of(), false, range);
  }

  /** The node at a path of mapping keys, if every step exists and is a mapping. */
  public static Optional<YamlNode> at(YamlNode root, List<String> keys) {
    YamlNode current = root;
    for (String key : keys) {
      if (!(current instanceof YamlMapping m)) {
        return Optional.empty();
      }
      Optional<YamlNode> next = m.get(key);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }
}
