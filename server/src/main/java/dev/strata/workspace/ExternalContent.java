package dev.strata.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where objects that Strata cannot see may land in a cluster, and of what kind: the builds of
 * Kustomizations of other projects' sources, remote kustomize resources, and objects a transformer
 * Strata does not follow may have changed. A build with a {@code targetNamespace} confines its
 * objects to that namespace; one without may put objects anywhere. A source whose {@code
 * spec.ignore} keeps only CRD folders (or Flux's own manifests) defines no Flux object and no
 * secret store. Rules that report names as unknown ask here first.
 */
public final class ExternalContent {
  private boolean anywhere;
  private boolean crdsAnywhere;
  private final Set<String> namespaces = new HashSet<>();

  public ExternalContent(Cluster cluster) {
    NavigableMap<String, List<PathReference>> remoteByFile = new TreeMap<>();
    for (PathReference reference : cluster.references()) {
      if (reference.status() == PathReference.Status.REMOTE) {
        remoteByFile.computeIfAbsent(reference.file(), f -> new ArrayList<>()).add(reference);
      }
    }
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      List<PathReference> remote =
          kustomization.status() != BuildStatus.BUILT || remoteByFile.isEmpty()
              ? List.of()
              : kustomization
                  .path()
                  .map(p -> remoteByFile.subMap(p + "/", true, p + "/\uffff", true))
                  .map(m -> m.values().stream().flatMap(List::stream).toList())
                  .orElse(List.of());
      if (!kustomization.external() && remote.isEmpty()) {
        continue;
      }
      // Remote resources named for CRDs (".../cert-manager.crds.yaml") are CRDs.
      boolean crds =
          kustomization.external()
              ? kustomization.source().map(RepositorySource::crdsOnly).orElse(false)
              : remote.stream().allMatch(r -> r.written().toLowerCase(Locale.ROOT).contains("crd"));
      Optional<String> target =
          kustomization
              .kustomization()
              .targetNamespace()
              .map(t -> kustomization.applied().substituted(t.value()));
      if (crds) {
        crdsAnywhere = true;
      } else if (target.isPresent() && !Substitution.unresolved(target.get())) {
        namespaces.add(target.get());
      } else {
        anywhere = true;
      }
    }
    for (Applied applied : cluster.objects()) {
      if (applied.opaque()) {
        namespaces.add(applied.id().namespace());
      }
    }
  }

  /**
   * True when an external build could define an object in this namespace (empty: cluster-scoped).
   */
  public boolean mayDefine(String namespace) {
    return anywhere || namespaces.contains(namespace);
  }

  /** True when an external build could define an object of this kind in this namespace. */
  public boolean mayDefine(String kind, String namespace) {
    if (crdsAnywhere && !FLUX_AND_STORES.contains(kind)) {
      return true;
    }
    return mayDefine(namespace);
  }

  /** What a CRD-only artifact, or Flux's own, never defines. */
  private static final Set<String> FLUX_AND_STORES =
      Set.of(
          "Kustomization",
          "HelmRelease",
          "GitRepository",
          "OCIRepository",
          "HelmRepository",
          "HelmChart",
          "Bucket",
          "ExternalArtifact",
          "SecretStore",
          "ClusterSecretStore");
}
