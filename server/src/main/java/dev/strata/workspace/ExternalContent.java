package dev.strata.workspace;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where objects built from sources outside the repository may land in a cluster. A Kustomization of
 * an external source with a {@code targetNamespace} confines its objects to that namespace; one
 * without may put objects anywhere. Rules that report names as unknown ask here first.
 */
public final class ExternalContent {
  private final boolean anywhere;
  private final Set<String> namespaces = new HashSet<>();

  public ExternalContent(Cluster cluster) {
    boolean unconfined = false;
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      if (!kustomization.external()) {
        continue;
      }
      Optional<String> target =
          kustomization
              .kustomization()
              .targetNamespace()
              .map(t -> kustomization.applied().substituted(t.value()));
      if (target.isPresent() && !Substitution.unresolved(target.get())) {
        namespaces.add(target.get());
      } else {
        unconfined = true;
      }
    }
    this.anywhere = unconfined;
  }

  /**
   * True when an external build could define an object in this namespace (empty: cluster-scoped).
   */
  public boolean mayDefine(String namespace) {
    return anywhere || namespaces.contains(namespace);
  }
}
