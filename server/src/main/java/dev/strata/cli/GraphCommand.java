package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.GraphView;
import dev.strata.workspace.Cluster;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata graph}: print the dependsOn graph of each cluster, cycles marked. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the dependsOn graph of each cluster, cycles marked.")
final class GraphCommand implements Callable<Integer> {
  enum Format {
    mermaid,
    dot,
    json
  }

  @Spec CommandSpec spec;

  @Mixin Repository repository;

  @Option(
      names = "--format",
      defaultValue = "mermaid",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(
      names = "--cluster",
      description = "Only this cluster (its root folder, as listed in the output).")
  String cluster;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Analysis> loaded = repository.load(err);
    if (loaded.isEmpty()) {
      return Main.USAGE;
    }
    Analysis analysis = loaded.get();
    List<GraphView> views = new ArrayList<>();
    for (Cluster c : analysis.clusters()) {
      if (cluster == null || c.name().equals(cluster)) {
        views.add(GraphView.of(analysis, c));
      }
    }
    if (cluster != null && views.isEmpty()) {
      err.println(
          "strata: no cluster named "
              + cluster
              + "; clusters: "
              + analysis.clusters().stream().map(Cluster::name).toList());
      return Main.USAGE;
    }
    out.print(
        switch (format) {
          case mermaid -> GraphWriters.mermaid(views);
          case dot -> GraphWriters.dot(views);
          case json -> GraphWriters.json(analysis, views);
        });
    out.flush();
    return Main.OK;
  }
}
