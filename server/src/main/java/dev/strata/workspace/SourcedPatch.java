package dev.strata.workspace;

import dev.strata.model.Patch;

/** A patch and the file that holds it, so that what it injects can point back there. */
record SourcedPatch(Patch patch, String file) {
  Origin origin() {
    return new Origin(file, patch.range());
  }
}
