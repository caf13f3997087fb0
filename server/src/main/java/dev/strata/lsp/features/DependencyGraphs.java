package dev.strata.lsp.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.GraphView;
import dev.strata.analysis.ViewJson;
import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.workspace.Cluster;
import java.util.List;
import java.util.Optional;

/**
 * {@code strata/dependencyGraph}: the graph of one cluster in the shape of docs/lsp-extensions.md,
 * with {@code uri} where {@code strata graph --format json} has {@code path}. The cluster is the
 * first that applies {@code uri}, else the one named {@code cluster}, else the first of the first
 * folder.
 */
public final class DependencyGraphs {
  private DependencyGraphs() {}

  /** The request's parameters, both optional. */
  public static final class Params {
    public String uri;
    public String cluster;
  }

  public static JsonObject of(WorkspaceState state, Params params) {
    Optional<FileRef> file =
        Optional.ofNullable(params == null ? null : params.uri).flatMap(state::locate);
    RootState root =
        file.map(FileRef::root).orElse(state.roots().isEmpty() ? null : state.roots().get(0));
    JsonObject json = new JsonObject();
    JsonArray names = new JsonArray();
    if (root == null) {
      json.add("clusters", names);
      return json;
    }
    List<Cluster> clusters = root.analysis().clusters();
    clusters.forEach(c -> names.add(c.name()));
    json.add("clusters", names);
    Optional<Cluster> chosen =
        file.flatMap(f -> root.snapshot().render().clustersOf(f.path()).stream().findFirst())
            .or(
                () ->
                    clusters.stream()
                        .filter(c -> params != null && c.name().equals(params.cluster))
                        .findFirst())
            .or(() -> clusters.stream().findFirst());
    chosen.ifPresent(
        c ->
            ViewJson.graph(
                json,
                GraphView.of(root.analysis(), c),
                (n, f) -> n.addProperty("uri", root.uri(f))));
    return json;
  }
}
