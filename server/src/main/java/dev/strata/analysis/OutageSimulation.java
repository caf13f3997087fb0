package dev.strata.analysis;

import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fresh cluster whose external secret provider is unreachable: no store is served, so no
 * ExternalSecret ever makes its Secret. Read off the cluster's need graph, with what bootstrap
 * steps seed: a Kustomization is blocked when it never becomes Ready there although it does with
 * the provider up. A Kustomization that does not wait for its objects is Ready once applied, even
 * when something it applies waits for a Secret. Everything else becomes Ready from Git alone.
 */
public final class OutageSimulation {
  /** Why a Kustomization is blocked: its own cause, or the blocked Kustomization it waits for. */
  public record Blocked(ObjectId kustomization, String reason, Optional<ObjectId> because) {}

  private final Map<ObjectId, Blocked> blocked = new LinkedHashMap<>();
  private final List<ObjectId> ready = new ArrayList<>();
  private final Layers layers;

  public OutageSimulation(Analysis analysis, Cluster cluster) {
    this.layers = analysis.layers(cluster);
    NeedGraph graph = analysis.needs(cluster);
    Set<NeedGraph.Node> reached = graph.achievable(true, n -> n.kind() == NeedGraph.Kind.SERVES);
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      NeedGraph.Node node = new NeedGraph.Node(NeedGraph.Kind.READY, kustomization.id());
      if (reached.contains(node) || !graph.achievable(node)) {
        ready.add(kustomization.id());
        continue;
      }
      blocked.put(kustomization.id(), cause(graph, reached, node));
    }
  }

  /**
   * One step down the blocked needs: to the next Kustomization that waits, or to the Secret that
   * only an ExternalSecret makes.
   */
  private static Blocked cause(NeedGraph graph, Set<NeedGraph.Node> reached, NeedGraph.Node start) {
    NeedGraph.Node current = start;
    List<String> steps = new ArrayList<>();
    for (int guard = 0; guard < 64; guard++) {
      Optional<NeedGraph.Edge> next = graph.blockedNeed(current, reached);
      if (next.isEmpty()) {
        break;
      }
      NeedGraph.Edge edge = next.get();
      steps.add(edge.why());
      NeedGraph.Node to = edge.to();
      if (to.kind() == NeedGraph.Kind.SERVES) {
        return new Blocked(
            start.id(),
            String.join("; ", steps) + ", which only the secret provider can make",
            Optional.empty());
      }
      if ((to.kind() == NeedGraph.Kind.READY || to.kind() == NeedGraph.Kind.APPLIED)
          && to.id().kind().equals("Kustomization")
          && !to.id().equals(start.id())) {
        return new Blocked(start.id(), String.join("; ", steps), Optional.of(to.id()));
      }
      current = to;
    }
    return new Blocked(start.id(), String.join("; ", steps), Optional.empty());
  }

  public Map<ObjectId, Blocked> blocked() {
    return blocked;
  }

  public List<ObjectId> ready() {
    return ready;
  }

  /** The reasons from this Kustomization down to the root cause, one sentence each. */
  public List<String> chain(ObjectId id) {
    List<String> chain = new ArrayList<>();
    Blocked current = blocked.get(id);
    int guard = 0;
    while (current != null && guard++ < 64) {
      chain.add(current.kustomization().qualifiedName() + " " + current.reason());
      current = current.because().map(blocked::get).orElse(null);
    }
    return chain;
  }

  /**
   * True when a Kustomization of the bootstrap layer stays blocked: the cluster cannot be rebuilt
   * from Git.
   */
  public boolean bootstrapBlocked() {
    return blocked.keySet().stream().anyMatch(layers::bootstrap);
  }

  public Layer layer(ObjectId id) {
    return layers.of(id);
  }
}
