package dev.strata.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.text.Position;
import dev.strata.text.Range;
import dev.strata.workspace.ObjectId;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The JSON shapes of the views both front ends return (docs/lsp-extensions.md): a dependency graph
 * and a secret inventory row, with LSP ranges. Only how a file is named differs, so the caller
 * supplies it: a repository-relative {@code path} for the command line, a {@code uri} for the
 * language server.
 */
public final class ViewJson {
  private ViewJson() {}

  /** Writes a file's name into an object, under the key its front end uses. */
  public interface FileNamer extends BiConsumer<JsonObject, String> {}

  /**
   * Adds {@code cluster}, {@code nodes}, {@code edges} and {@code cycles} of a graph to {@code
   * json}.
   */
  public static JsonObject graph(JsonObject json, GraphView view, FileNamer files) {
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
      files.accept(n, node.file());
      n.add("range", range(node.range()));
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

  /** One row of the secret inventory; never a value, since rows hold none. */
  public static JsonObject secret(SecretInventory.Row row, FileNamer files) {
    JsonObject json = new JsonObject();
    json.addProperty("cluster", row.cluster());
    json.addProperty("namespace", row.namespace());
    json.addProperty("name", row.name());
    json.addProperty(
        "mechanism", row.mechanism().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    row.store().ifPresent(s -> json.addProperty("store", s));
    json.addProperty("layer", row.layer().label());
    JsonArray consumers = new JsonArray();
    row.consumers().forEach(consumers::add);
    json.add("consumers", consumers);
    json.addProperty("verdict", row.verdict().map(v -> v.label()).orElse("ok"));
    row.rule().ifPresent(r -> json.addProperty("rule", r));
    files.accept(json, row.file());
    json.add("range", range(row.range()));
    return json;
  }

  /** A range as LSP writes it: zero-based lines, UTF-16 characters. */
  public static JsonObject range(Range range) {
    JsonObject json = new JsonObject();
    json.add("start", position(range.start()));
    json.add("end", position(range.end()));
    return json;
  }

  private static JsonObject position(Position position) {
    JsonObject json = new JsonObject();
    json.addProperty("line", position.line());
    json.addProperty("character", position.character());
    return json;
  }
}
