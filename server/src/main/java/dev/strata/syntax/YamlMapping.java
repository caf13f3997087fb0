package dev.strata.syntax;

import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/** A mapping in source order; {@code flow} is true for {@code {a: b}} style. */
public final class YamlMapping implements YamlNode {
  private static final int FLOW = 1 << 31;

  private final List<Entry> entries;
  // The range as four ints rather than an object of its own (a 20,000-file repository holds a
  // quarter of a million mappings), the flow style in the top bit of the end column.
  private final int startLine;
  private final int startCharacter;
  private final int endLine;
  private final int endCharacterAndFlow;

  public YamlMapping(List<Entry> entries, boolean flow, Range range) {
    this.entries = List.copyOf(entries);
    this.startLine = range.startLine();
    this.startCharacter = range.startCharacter();
    this.endLine = range.endLine();
    this.endCharacterAndFlow = range.endCharacter() & ~FLOW | (flow ? FLOW : 0);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** True for a mapping written in flow style: {@code {a: 1}}. */
  public boolean flow() {
    return (endCharacterAndFlow & FLOW) != 0;
  }

  @Override
  public Range range() {
    return Range.of(startLine, startCharacter, endLine, endCharacterAndFlow & ~FLOW);
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof YamlMapping m
            && endCharacterAndFlow == m.endCharacterAndFlow
            && startLine == m.startLine
            && startCharacter == m.startCharacter
            && endLine == m.endLine
            && entries.equals(m.entries);
  }

  @Override
  public int hashCode() {
    int range = Range.hash(startLine, startCharacter, endLine, endCharacterAndFlow & ~FLOW);
    return (31 * entries.hashCode() + (flow() ? 1 : 0)) * 31 + range;
  }

  @Override
  public String toString() {
    return "YamlMapping[entries=" + entries + ", flow=" + flow() + ", range=" + range() + "]";
  }

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
