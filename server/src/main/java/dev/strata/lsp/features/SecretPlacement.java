package dev.strata.lsp.features;

import dev.strata.analysis.ClusterFacts;
import dev.strata.analysis.SecretSource;
import dev.strata.analysis.SecretUse;
import dev.strata.workspace.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The layer and the consumers of the Secret a document produces (a Secret or an ExternalSecret), or
 * of a store, as the clusters that apply it see them. Names and fields only, never values.
 */
final class SecretPlacement {
  private SecretPlacement() {}

  /** Markdown list items to append to a hover; empty when no cluster applies the document. */
  static String describe(Cursor cursor) {
    StringBuilder text = new StringBuilder();
    for (Cursor.InCluster in : cursor.applied()) {
      text.append("\n- Layer: ")
          .append(cursor.root().analysis().layers(in.cluster()).of(in.applied()).label());
      List<String> consumers = new ArrayList<>();
      ClusterFacts facts = cursor.root().analysis().facts(in.cluster());
      for (SecretSource source : facts.sources()) {
        if (source.source().equals(in.applied())) {
          facts.usesOf(source).stream()
              .map(SecretUse::describe)
              .filter(d -> !consumers.contains(d))
              .forEach(consumers::add);
        }
      }
      if (!consumers.isEmpty()) {
        text.append("\n- Used by: ").append(String.join(", ", consumers));
      }
      break;
    }
    return text.toString();
  }

  /**
   * Where the Secret a document produces is used, for go-to-definition on an ExternalSecret's
   * target.
   */
  static Set<Origin> consumers(Cursor cursor) {
    Set<Origin> result = new LinkedHashSet<>();
    for (Cursor.InCluster in : cursor.applied()) {
      ClusterFacts facts = cursor.root().analysis().facts(in.cluster());
      for (SecretSource source : facts.sources()) {
        if (source.source().equals(in.applied())) {
          facts.usesOf(source).forEach(use -> result.add(use.at()));
        }
      }
    }
    return result;
  }
}
