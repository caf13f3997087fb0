package dev.strata.lsp.state;

import dev.strata.workspace.SourceFile;
import java.util.Optional;

/**
 * A document the client named, found in a workspace folder: the folder's state and the relative
 * path.
 */
public record FileRef(RootState root, String path) {
  public Optional<SourceFile> source() {
    return root.snapshot().file(path);
  }
}
