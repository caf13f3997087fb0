package dev.strata.syntax;

import dev.strata.text.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the nodes under a cursor, for hover and go-to-definition. An alias shares its anchor's
 * record and range, so it is found at the anchor, never at the alias.
 */
public final class NodeFinder {
  private NodeFinder() {}

  /** The first document whose range contains the position. */
  public static Optional<YamlDocument> findDocument(YamlFile file, Position position) {
    return file.documents().stream().filter(d -> d.range().contains(position)).findFirst();
  }

  /**
   * The nodes from the root down to the innermost one containing the position; empty when none
   * does.
   */
  public static List<YamlNode> path(YamlDocument document, Position position) {
    List<YamlNode> path = new ArrayList<>();
    Optional<YamlNode> next = document.root().filter(root -> root.range().contains(position));
    while (next.isPresent()) {
      path.add(next.get());
      next = findChild(next.get(), position);
    }
    return path;
  }

  private static Optional<YamlNode> findChild(YamlNode node, Position position) {
    return children(node).stream().filter(child -> child.range().contains(position)).findFirst();
  }

  private static List<YamlNode> children(YamlNode node) {
    if (node instanceof YamlSequence sequence) {
      return sequence.items();
    }
    if (node instanceof YamlMapping mapping) {
      List<YamlNode> children = new ArrayList<>(mapping.entries().size() * 2);
      mapping
          .entries()
          .forEach(
              entry -> {
                children.add(entry.key());
                children.add(entry.value());
              });
      return children;
    }
    return List.of();
  }
}
