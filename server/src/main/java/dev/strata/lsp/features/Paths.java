package dev.strata.lsp.features;

import dev.strata.model.ManifestReader;
import dev.strata.text.Range;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Snapshot;

/**
 * Where a path written in a manifest leads: a folder to its kustomization file, a file to itself.
 */
final class Paths {
  private Paths() {}

  static Origin target(Snapshot snapshot, String target) {
    if (snapshot.isDirectory(target)) {
      for (String name : ManifestReader.KUSTOMIZATION_FILE_NAMES) {
        String file = target.isEmpty() ? name : target + "/" + name;
        if (snapshot.exists(file)) {
          return new Origin(file, Range.ZERO);
        }
      }
    }
    return new Origin(target, Range.ZERO);
  }
}
