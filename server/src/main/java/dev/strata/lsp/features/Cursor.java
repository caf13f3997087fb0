package dev.strata.lsp.features;

import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.model.Manifest;
import dev.strata.syntax.NodeFinder;
import dev.strata.syntax.YamlDocument;
import dev.strata.text.Position;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A position in a document of the workspace, with what lies under it: the YAML document, the key
 * path, the manifest of that document and how each cluster that applies the file sees it.
 */
public record Cursor(
    FileRef file, SourceFile source, Position position, YamlDocument document, YamlPath path) {
  public static Optional<Cursor> of(WorkspaceState state, String uri, Position position) {
    Optional<FileRef> file = state.locate(uri);
    Optional<SourceFile> source = file.flatMap(FileRef::source);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return NodeFinder.findDocument(source.get().syntax(), position)
        .map(d -> new Cursor(file.get(), source.get(), position, d, YamlPath.at(d, position)));
  }

  public RootState root() {
    return file.root();
  }

  public Optional<Manifest> manifest() {
    return source.manifest(document.index());
  }

  /** This document as each cluster that applies it sees it. */
  public List<InCluster> applied() {
    List<InCluster> result = new ArrayList<>();
    for (Cluster cluster : root().snapshot().render().clustersOf(file.path())) {
      for (Applied applied : cluster.inFile(file.path())) {
        if (applied.meta().document() == document.index()) {
          result.add(new InCluster(cluster, applied));
        }
      }
    }
    return result;
  }

  /** One object as one cluster applies it. */
  public record InCluster(Cluster cluster, Applied applied) {}
}
