package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.OutageSimulation;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata bootstrap}: simulate a fresh cluster whose external secret provider is down. Exit 1
 * when something never comes up, or infrastructure waits for a Secret only the provider makes.
 */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a fresh cluster whose external secret provider (1Password, Vault, ...) is unreachable: which Kustomizations still come up from Git alone, which do not and why. Exit 1 when something never comes up, or infrastructure waits for a Secret only the provider makes.")
final class BootstrapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Repository repository;

  @Option(names = "--cluster", description = "Only this cluster (its root folder).")
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
    List<Cluster> clusters =
        analysis.clusters().stream()
            .filter(c -> cluster == null || c.name().equals(cluster))
            .toList();
    if (clusters.isEmpty()) {
      err.println(
          cluster == null
              ? "strata: no cluster root found in " + repository.directory
              : "strata: no cluster named "
                  + cluster
                  + "; clusters: "
                  + analysis.clusters().stream().map(Cluster::name).toList());
      return Main.USAGE;
    }
    boolean stuck = false;
    for (Cluster c : clusters) {
      OutageSimulation simulation = analysis.outage(c);
      stuck |= simulation.bootstrapBlocked();
      print(out, c, simulation);
    }
    out.flush();
    return stuck ? Main.FINDINGS : Main.OK;
  }

  private static void print(PrintWriter out, Cluster cluster, OutageSimulation simulation) {
    out.println("Cluster " + cluster.name() + ", secret provider unreachable:");
    out.println("  Up from Git alone: " + simulation.ready().size() + " Kustomizations");
    for (ObjectId id : simulation.ready()) {
      out.println("    ok       " + id.qualifiedName() + " (" + simulation.layer(id).label() + ")");
    }
    out.println("  Blocked: " + simulation.blocked().size() + " Kustomizations");
    for (ObjectId id : simulation.blocked().keySet()) {
      OutageSimulation.Blocked blocked = simulation.blocked().get(id);
      String label = blocked.withProvider() ? "never  " : "blocked";
      out.println(
          "    " + label + "  " + id.qualifiedName() + " (" + simulation.layer(id).label() + ")");
      for (OutageSimulation.Blocked link : simulation.chain(id)) {
        out.println("             " + link.kustomization().qualifiedName() + ":");
        for (String step : link.steps()) {
          out.println("               " + step);
        }
      }
    }
    if (!simulation.infrastructure().isEmpty()) {
      out.println(
          "  Infrastructure waiting for the provider: "
              + simulation.infrastructure().size()
              + " Secrets");
      for (OutageSimulation.InfrastructureNeed need : simulation.infrastructure()) {
        String from =
            need.sources().stream()
                .map(s -> s.source().id().kind() + " " + s.source().file())
                .findFirst()
                .orElse("the provider");
        out.println(
            "    Secret "
                + need.use().namespace().map(n -> n + "/").orElse("")
                + need.use().name()
                + " for "
                + need.use().describe()
                + ", from "
                + from);
      }
    }
    out.println(
        simulation.deadlocked()
            ? "  Verdict: this cluster does not come up from Git even with the secret provider up: something waits on itself (strata check reports the cycle)."
            : simulation.bootstrapBlocked()
                ? "  Verdict: this cluster cannot be rebuilt from Git while the secret provider is down: infrastructure waits for Secrets only the provider makes."
                : "  Verdict: the infrastructure comes up from Git alone; only applications wait for the secret provider.");
  }
}
