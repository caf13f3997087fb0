package dev.strata.model;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a Flux Kustomization's {@code spec.patches}. {@code merge} is the parsed
 * strategic-merge body when the patch is one; {@code operations} the JSON 6902 operations
 * otherwise.
 */
public record Patch(
    Optional<YamlMapping> merge,
    List<JsonPatchOperation> operations,
    PatchTarget target,
    Range range) {
  public Patch {
    operations = List.copyOf(operations);
  }

  /** One JSON 6902 operation; {@code value} is absent for {@code remove}. */
  public record JsonPatchOperation(String op, String path, Optional<YamlNode> value) {}
}
