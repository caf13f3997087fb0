package dev.strata.model;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a mapping's fields, the one place where field paths become values with ranges.
 * Public for the analysis's data tables (consumer fields, chart values); typed model fields are
 * preferred elsewhere.
 */
public record Fields(YamlMapping mapping) {
  public static Fields of(YamlMapping mapping) {
    return new Fields(mapping);
  }

  public static Optional<Fields> of(Optional<YamlNode> node) {
    return node.filter(YamlMapping.class::isInstance).map(n -> new Fields((YamlMapping) n));
  }

  public Optional<YamlNode> node(String... path) {
    YamlNode current = mapping;
    for (String key : path) {
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

  public Optional<Fields> mapping(String... path) {
    return of(node(path));
  }

  /** A non-null scalar's text; empty for absent, null or non-scalar values. */
  public Optional<Located<String>> text(String... path) {
    return node(path)
        .filter(YamlScalar.class::isInstance)
        .map(YamlScalar.class::cast)
        .filter(s -> !s.isNull())
        .map(s -> Located.of(s.value(), s.range()));
  }

  public boolean flag(String... path) {
    return text(path).map(t -> t.value().equalsIgnoreCase("true")).orElse(false);
  }

  public List<YamlNode> items(String... path) {
    return node(path)
        .filter(YamlSequence.class::isInstance)
        .map(n -> ((YamlSequence) n).items())
        .orElse(List.of());
  }

  public List<Fields> mappings(String... path) {
    List<Fields> result = new ArrayList<>();
    for (YamlNode item : items(path)) {
      if (item instanceof YamlMapping m) {
        result.add(new Fields(m));
      }
    }
    return result;
  }

  public List<Located<String>> texts(String... path) {
    List<Located<String>> result = new ArrayList<>();
    for (YamlNode item : items(path)) {
      if (item instanceof YamlScalar s && !s.isNull()) {
        result.add(Located.of(s.value(), s.range()));
      }
    }
    return result;
  }

  /** A mapping of scalars to scalars, such as labels or {@code postBuild.substitute}. */
  public Map<String, String> stringMap(String... path) {
    Map<String, String> result = new LinkedHashMap<>();
    mapping(path)
        .ifPresent(
            fields -> {
              for (YamlMapping.Entry entry : fields.mapping.entries()) {
                if (entry.key() instanceof YamlScalar k && entry.value() instanceof YamlScalar v) {
                  result.put(k.value(), v.value());
                }
              }
            });
    return result;
  }
}
