package dev.strata.syntax;

import dev.strata.text.Position;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A collection being composed: its children so far, and for a mapping the keys already seen. */
final class Frame {
  final boolean mapping;
  final boolean flow;
  final Position start;
  final Optional<String> anchor;
  final List<YamlNode> children = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  long size = 1;
  Position lastEnd;

  Frame(boolean mapping, boolean flow, Position start, Optional<String> anchor) {
    this.mapping = mapping;
    this.flow = flow;
    this.start = start;
    this.anchor = anchor;
    this.lastEnd = start;
  }

  boolean expectsKey() {
    return mapping && children.size() % 2 == 0;
  }

  /** False when a scalar key repeats an earlier one. */
  boolean rememberKey(YamlScalar key) {
    return keys.add(key.value());
  }

  void add(YamlNode node, long nodeSize, Position end) {
    children.add(node);
    size += nodeSize;
    if (end.compareTo(lastEnd) > 0) {
      lastEnd = end;
    }
  }

  /**
   * A block collection ends with its last child: snakeyaml's end mark sits on the next token, often
   * a later line, which would make a cursor on the following key look inside this collection.
   */
  YamlNode build(Position flowEnd) {
    Range range = new Range(start, flow ? flowEnd : lastEnd);
    if (!mapping) {
      return new YamlSequence(children, flow, range);
    }
    List<YamlMapping.Entry> entries = new ArrayList<>(children.size() / 2);
    for (int i = 0; i + 1 < children.size(); i += 2) {
      entries.add(new YamlMapping.Entry(children.get(i), children.get(i + 1)));
    }
    return new YamlMapping(entries, flow, range);
  }
}
