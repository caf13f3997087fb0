package dev.strata.lsp.features;

import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys and indexes from a document's root to the node under a cursor ({@code spec, dependsOn,
 * 0, name}) and that node. A cursor on the line of an empty value ({@code name: $0}) counts as on
 * that value, so that completion works while the user types.
 */
public record YamlPath(List<Object> keys, Optional<YamlNode> node, Optional<YamlMapping> parent) {
  public static YamlPath at(YamlDocument document, Position position) {
    List<Object> keys = new ArrayList<>();
    Optional<YamlMapping> parent = Optional.empty();
    Optional<YamlNode> current = document.root();
    while (current.isPresent()) {
      YamlNode node = current.get();
      Optional<YamlNode> next = Optional.empty();
      if (node instanceof YamlMapping mapping) {
        for (YamlMapping.Entry entry : mapping.entries()) {
          if (covers(entry.value(), position) || emptyValueAt(entry, position)) {
            keys.add(entry.keyText().orElse(""));
            parent = Optional.of(mapping);
            next = Optional.of(entry.value());
            break;
          }
        }
      } else if (node instanceof YamlSequence sequence) {
        for (int i = 0; i < sequence.items().size(); i++) {
          if (covers(sequence.items().get(i), position)) {
            keys.add(i);
            next = Optional.of(sequence.items().get(i));
            break;
          }
        }
      }
      if (next.isEmpty()) {
        return new YamlPath(keys, current, parent);
      }
      current = next;
    }
    return new YamlPath(keys, Optional.empty(), parent);
  }

  /**
   * Inside the node, or after its end on the same line: the cursor sits in trailing spaces being
   * typed.
   */
  private static boolean covers(YamlNode node, Position position) {
    return node.range().contains(position)
        || (node.range().end().line() == position.line()
            && node.range().start().compareTo(position) <= 0);
  }

  private static boolean emptyValueAt(YamlMapping.Entry entry, Position position) {
    return entry.value() instanceof YamlScalar scalar
        && scalar.isNull()
        && entry.key().range().end().line() == position.line()
        && entry.key().range().end().compareTo(position) < 0;
  }

  /** True when the path ends with these keys, e.g. {@code endsWith("secretStoreRef", "name")}. */
  public boolean endsWith(String... tail) {
    if (keys.size() < tail.length) {
      return false;
    }
    for (int i = 0; i < tail.length; i++) {
      if (!tail[i].equals(keys.get(keys.size() - tail.length + i))) {
        return false;
      }
    }
    return true;
  }

  public boolean contains(String key) {
    return keys.contains(key);
  }

  /** The scalar under the cursor, when there is one. */
  public Optional<YamlScalar> scalar() {
    return node.filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast);
  }
}
