package dev.strata.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.GraphView;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Snapshot;
import java.util.List;

/**
 * One graph in the JSON shape of {@code strata/dependencyGraph} (docs/lsp-extensions.md), paths
 * relative.
 */
final class GraphJson {
  private GraphJson() {}

  static JsonObject view(Snapshot snapshot, GraphView view) {
    JsonObject json = new JsonObject();
    json.addProperty("cluster", view.cluster());
    JsonArray nodes = new JsonArray();
    for (GraphView.Node node : view.nodes()) {
      JsonObject n = new JsonObject();
      n.addProperty("id", node.id().toString());
      n.addProperty("kind", node.id().kind());
      n.addProperty("namespace", node.id().namespace());
      n.addProperty("name", node.id().name());
      n.addProperty("layer", node.layer());
      n.addProperty("inCycle", node.inCycle());
      n.addProperty("suspended", node.suspended());
      n.addProperty("path", node.file());
      n.add("range", JsonRanges.range(node.range()));
      nodes.add(n);
    }
    json.add("nodes", nodes);
    JsonArray edges = new JsonArray();
    for (GraphView.Edge edge : view.edges()) {
      JsonObject e = new JsonObject();
      e.addProperty("from", edge.from().toString());
      e.addProperty("to", edge.to().toString());
      e.addProperty("kind", "dependsOn");
      e.addProperty("inCycle", edge.inCycle());
      e.addProperty("resolved", edge.resolved());
      edges.add(e);
    }
    json.add("edges", edges);
    JsonArray cycles = new JsonArray();
    for (List<ObjectId> cycle : view.cycles()) {
      JsonArray c = new JsonArray();
      cycle.forEach(id -> c.add(id.toString()));
      cycles.add(c);
    }
    json.add("cycles", cycles);
    return json;
  }
}
