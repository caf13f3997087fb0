package dev.strata.workspace;

/**
 * The identity Flux gives an object in a cluster: kind, effective namespace (empty for
 * cluster-scoped kinds) and effective name. Reads as {@code Kustomization/flux-system/ceph-csi}.
 */
public record ObjectId(String kind, String namespace, String name) implements Comparable<ObjectId> {
  public static ObjectId kustomization(String namespace, String name) {
    return new ObjectId("Kustomization", namespace, name);
  }

  /** {@code namespace/name}, the way Flux names a dependency in its messages. */
  public String qualifiedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** True when the name or namespace still holds a {@code ${VAR}} nobody resolved. */
  public boolean unresolved() {
    return Substitution.unresolved(name) || Substitution.unresolved(namespace);
  }

  @Override
  public int compareTo(ObjectId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return kind + "/" + qualifiedName();
  }
}
