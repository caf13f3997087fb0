package dev.strata.analysis;

import dev.strata.model.FluxKustomization;
import dev.strata.model.SecretStore;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Secret produced only by an ExternalSecret and used by a Kustomization that must be Ready before
 * External Secrets can serve: the implicit cycle that keeps a fresh cluster from starting. {@code
 * selfStore} marks the special case of a store whose own credentials come through itself.
 */
public record Deadlock(
    SecretSource source, SecretUse use, ObjectId kustomization, boolean selfStore) {

  /** Every deadlock of a cluster, at most one per ExternalSecret, store credentials first. */
  public static List<Deadlock> find(Analysis analysis, Cluster cluster) {
    ClusterFacts facts = analysis.facts(cluster);
    Layers layers = analysis.layers(cluster);
    List<Deadlock> result = new ArrayList<>();
    for (SecretSource source : facts.sources()) {
      if (source.mechanism() != SecretSource.Mechanism.EXTERNAL_SECRET
          || providedFromGit(facts, source)) {
        continue;
      }
      Deadlock best = null;
      for (SecretUse use : facts.usesOf(source)) {
        Optional<ObjectId> kustomization = kustomizationOf(use.consumer());
        if (kustomization.isEmpty()
            || !layers.bootstrap(kustomization.get())
            || use.role() == SecretUse.Role.ADVISORY) {
          continue;
        }
        boolean ownField = use.consumer().id().equals(kustomization.get());
        if (!ownField && !layers.functional(kustomization.get())) {
          continue;
        }
        boolean self =
            use.consumer().manifest() instanceof SecretStore
                && source.store().map(use.consumer().id().name()::equals).orElse(false);
        Deadlock candidate = new Deadlock(source, use, kustomization.get(), self);
        if (best == null
            || self && !best.selfStore()
            || use.role() == SecretUse.Role.INFRASTRUCTURE
                && best.use().role() != SecretUse.Role.INFRASTRUCTURE) {
          best = candidate;
        }
      }
      if (best != null) {
        result.add(best);
      }
    }
    return result;
  }

  /**
   * A Kustomization answers for its own fields (decryption, substituteFrom); other objects for
   * their owner's.
   */
  static Optional<ObjectId> kustomizationOf(Applied consumer) {
    return consumer.manifest() instanceof FluxKustomization
        ? Optional.of(consumer.id())
        : consumer.owner();
  }

  /**
   * True when something in Git also produces this Secret, so it exists without External Secrets.
   */
  private static boolean providedFromGit(ClusterFacts facts, SecretSource source) {
    return facts.sourcesNamed(source.name()).stream()
        .anyMatch(
            other ->
                other.mechanism() != SecretSource.Mechanism.EXTERNAL_SECRET
                    && (other.namespace().isEmpty()
                        || source.namespace().isEmpty()
                        || other.namespace().equals(source.namespace())));
  }
}
