package dev.strata.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.GraphView;
import dev.strata.analysis.ViewJson;
import dev.strata.workspace.ObjectId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mermaid, Graphviz DOT and JSON renderings of dependency graphs; cycles are drawn in red. */
final class GraphWriters {
  private GraphWriters() {}

  static String mermaid(List<GraphView> views) {
    StringBuilder out = new StringBuilder();
    for (GraphView view : views) {
      out.append("%% cluster ").append(view.cluster()).append('\n');
      out.append("flowchart LR\n");
      omitted(view, out, "%% ");
      Map<ObjectId, String> names = new HashMap<>();
      for (GraphView.Node node : drawn(view)) {
        String name = "n" + names.size();
        names.put(node.id(), name);
        out.append("  ").append(name).append("[\"").append(label(node.id())).append("\"]\n");
      }
      int index = 0;
      StringBuilder red = new StringBuilder();
      for (GraphView.Edge edge : view.edges()) {
        String target =
            names.computeIfAbsent(
                edge.to(),
                id -> {
                  String name = "n" + names.size();
                  out.append("  ")
                      .append(name)
                      .append("[\"")
                      .append(label(id))
                      .append(" (missing)\"]\n");
                  return name;
                });
        out.append("  ")
            .append(names.get(edge.from()))
            .append(edge.resolved() ? " --> " : " -.-> ")
            .append(target)
            .append('\n');
        if (edge.inCycle()) {
          red.append("  linkStyle ").append(index).append(" stroke:#d00,stroke-width:2px\n");
        }
        index++;
      }
      out.append(red);
      for (GraphView.Node node : view.nodes()) {
        if (node.inCycle()) {
          out.append("  style ")
              .append(names.get(node.id()))
              .append(" stroke:#d00,stroke-width:2px\n");
        }
      }
    }
    return out.toString();
  }

  static String dot(List<GraphView> views) {
    StringBuilder out = new StringBuilder("digraph strata {\n  rankdir=LR;\n  node [shape=box];\n");
    int clusterIndex = 0;
    for (GraphView view : views) {
      out.append("  subgraph cluster_").append(clusterIndex++).append(" {\n");
      out.append("    label=").append(quote(view.cluster())).append(";\n");
      omitted(view, out, "    // ");
      for (GraphView.Node node : drawn(view)) {
        out.append("    ")
            .append(quote(view.cluster() + ":" + node.id()))
            .append(" [label=")
            .append(quote(label(node.id())));
        out.append(node.inCycle() ? ", color=red, fontcolor=red" : "").append("];\n");
      }
      for (GraphView.Edge edge : view.edges()) {
        out.append("    ")
            .append(quote(view.cluster() + ":" + edge.from()))
            .append(" -> ")
            .append(quote(view.cluster() + ":" + edge.to()));
        if (edge.inCycle()) {
          out.append(" [color=red]");
        } else if (!edge.resolved()) {
          out.append(" [style=dashed]");
        }
        out.append(";\n");
      }
      out.append("  }\n");
    }
    return out.append("}\n").toString();
  }

  /**
   * The nodes worth drawing: a HelmRelease that neither depends on anything nor is depended on says
   * nothing about order, and a real repository has dozens of them. The JSON format keeps every
   * node.
   */
  private static List<GraphView.Node> drawn(GraphView view) {
    Set<ObjectId> connected = new HashSet<>();
    for (GraphView.Edge edge : view.edges()) {
      connected.add(edge.from());
      connected.add(edge.to());
    }
    return view.nodes().stream()
        .filter(n -> !n.id().kind().equals("HelmRelease") || connected.contains(n.id()))
        .toList();
  }

  private static void omitted(GraphView view, StringBuilder out, String comment) {
    long left = view.nodes().size() - drawn(view).size();
    if (left > 0) {
      out.append(comment)
          .append(left)
          .append(
              left == 1
                  ? " HelmRelease without dependsOn edges is"
                  : " HelmReleases without dependsOn edges are")
          .append(" not drawn\n");
    }
  }

  static String json(Analysis analysis, List<GraphView> views) {
    JsonArray clusters = new JsonArray();
    for (GraphView view : views) {
      clusters.add(
          ViewJson.graph(new JsonObject(), view, (json, file) -> json.addProperty("path", file)));
    }
    JsonObject root = new JsonObject();
    root.addProperty("version", 1);
    root.add("clusters", clusters);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static String label(ObjectId id) {
    return (id.kind().equals("HelmRelease") ? "HR " : "") + id.qualifiedName();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
