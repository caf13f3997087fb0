package dev.strata.analysis;

import dev.strata.model.Located;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of fields that the typed model does not carry (a CRD's group, a Certificate's issuer), for the
 * data-driven tables of the analysis. Typed fields belong in the model instead.
 */
final class Fieldless {
  private Fieldless() {}

  static Optional<YamlNode> node(YamlNode root, String... path) {
    YamlNode current = root;
    for (String key : path) {
      if (!(current instanceof YamlMapping mapping)) {
        return Optional.empty();
      }
      Optional<YamlNode> next = mapping.get(key);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }

  static Optional<Located<String>> located(YamlNode root, String... path) {
    return node(root, path)
        .filter(YamlScalar.class::isInstance)
        .map(YamlScalar.class::cast)
        .filter(s -> !s.isNull())
        .map(s -> Located.of(s.value(), s.range()));
  }

  static Optional<String> text(YamlNode root, String... path) {
    return located(root, path).map(Located::value);
  }

  static List<Located<String>> texts(YamlNode root, String... path) {
    List<Located<String>> result = new ArrayList<>();
    node(root, path)
        .filter(YamlSequence.class::isInstance)
        .ifPresent(
            n -> {
              for (YamlNode item : ((YamlSequence) n).items()) {
                if (item instanceof YamlScalar s && !s.isNull()) {
                  result.add(Located.of(s.value(), s.range()));
                }
              }
            });
    return result;
  }
}
