package dev.strata.syntax;

import dev.strata.text.Range;

/** An immutable YAML node with its range in the source text. */
public sealed interface YamlNode permits YamlScalar, YamlSequence, YamlMapping {
  Range range();
}
