package dev.strata.workspace;

import dev.strata.model.Fields;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds are cluster-scoped: the built-in ones, and the kinds of every
 * CustomResourceDefinition in the repository whose {@code spec.scope} is {@code Cluster}. A
 * namespaced object keeps the namespace its builds give it; a cluster-scoped one has none.
 * kustomize's namespace transformer skips the kinds it knows to be cluster-scoped
 * (kubernetes-sigs/kustomize {@code api/filters/namespace/namespace.go}, {@code
 * metaNamespaceHack}); Strata also skips those a CRD here declares, since the API server ignores
 * their namespace.
 */
final class Scope {
  private static final Set<String> BUILT_IN =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "StorageClass",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "VolumeSnapshotClass",
          "VolumeSnapshotContent",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "IngressClass",
          "PriorityClass",
          "RuntimeClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "APIService",
          "CertificateSigningRequest",
          "ClusterSecretStore",
          "ClusterExternalSecret",
          "ClusterIssuer",
          "ClusterPolicy",
          "GatewayClass");

  private final Set<String> kinds;

  private Scope(Set<String> kinds) {
    this.kinds = kinds;
  }

  static Scope of(Snapshot snapshot) {
    Set<String> kinds = new HashSet<>(BUILT_IN);
    snapshot.perFileList(Scope.class, Scope::clusterScoped).forEach(kinds::addAll);
    return new Scope(Set.copyOf(kinds));
  }

  /** The cluster-scoped kinds a file's CRDs define, read once per version of the file. */
  private static List<String> clusterScoped(SourceFile file) {
    List<String> kinds = new ArrayList<>();
    for (Manifest manifest : file.manifests()) {
      if (manifest.kind().equals("CustomResourceDefinition")) {
        Fields spec = Fields.of(manifest.meta().node());
        if (spec.text("spec", "scope").map(Located::value).filter("Cluster"::equals).isPresent()) {
          spec.text("spec", "names", "kind").ifPresent(kind -> kinds.add(kind.value()));
        }
      }
    }
    return kinds.isEmpty() ? List.of() : List.copyOf(kinds);
  }

  boolean clusterScoped(String kind) {
    return kinds.contains(kind);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scope scope && scope.kinds.equals(kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }
}
