package dev.strata.lsp.features;

import dev.strata.text.Range;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Snapshot;
import java.util.List;

/**
 * Where a path written in a manifest leads: a folder to its kustomization file, a file to itself.
 */
final class Paths {
  private static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private Paths() {}

  static Origin target(Snapshot snapshot, String target) {
    if (snapshot.isDirectory(target)) {
      for (String name : KUSTOMIZATION_FILES) {
        String file = target.isEmpty() ? name : target + "/" + name;
        if (snapshot.exists(file)) {
          return new Origin(file, Range.ZERO);
        }
      }
    }
    return new Origin(target, Range.ZERO);
  }
}
