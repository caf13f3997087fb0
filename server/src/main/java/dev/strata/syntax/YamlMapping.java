package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/** A mapping in source order; {@code flow} is true for {@code {a: b}} style. */
public record YamlMapping(List<Entry> entries, boolean flow, Range range) implements YamlNode {
  public YamlMapping {
    entries = List.copyOf(entries);
  }

  /** One key and its value; keys are scalars in every document Strata reads, others are kept. */
  public record Entry(YamlNode key, YamlNode value) {
    public Optional<String> keyText() {
      return key instanceof YamlScalar scalar ? Optional.of(scalar.value()) : Optional.empty();
    }
  }

  /** The first entry with this scalar key. */
  public Optional<Entry> entry(String key) {
    for (Entry entry : entries) {
      if (entry.key() instanceof YamlScalar scalar && scalar.value().equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }
}
