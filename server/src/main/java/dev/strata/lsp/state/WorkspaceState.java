package dev.strata.lsp.state;

import dev.strata.lsp.Settings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server knows at one revision: the folders, the settings and the versions of open
 * documents. Immutable; the writer replaces it whole, so a reader sees one consistent revision.
 */
public record WorkspaceState(
    long revision, List<RootState> roots, Settings settings, Map<String, Integer> openVersions) {
  public static final WorkspaceState EMPTY =
      new WorkspaceState(0, List.of(), Settings.DEFAULT, Map.of());

  public WorkspaceState {
    roots = List.copyOf(roots);
    openVersions = Map.copyOf(openVersions);
  }

  /** The folder holding a document, the innermost when folders nest. */
  public Optional<FileRef> locate(String uri) {
    Optional<Path> path = Uris.path(uri);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return roots.stream()
        .filter(r -> path.get().startsWith(r.folder()))
        .max(Comparator.comparingInt(r -> r.folder().getNameCount()))
        .flatMap(r -> r.snapshot().relativePath(path.get().toUri()).map(p -> new FileRef(r, p)));
  }

  public Optional<Integer> version(String uri) {
    return Optional.ofNullable(openVersions.get(Uris.canonical(uri)));
  }
}
