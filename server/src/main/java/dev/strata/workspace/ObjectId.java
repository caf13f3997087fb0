package dev.strata.workspace;

import java.util.Objects;

/**
 * The identity Flux gives an object in a cluster: kind, effective namespace (empty for
 * cluster-scoped kinds) and effective name. Reads as {@code Kustomization/flux-system/ceph-csi}.
 */
public final class ObjectId implements Comparable<ObjectId> {
  private final String kind;
  private final String namespace;
  private final String name;

  /**
   * Identities are the keys of most maps of an analysis (a 20,000-file repository hashes them
   * millions of times per edit), so the hash is computed once (the value OpenJDK gives a record of
   * the same three components, so iteration orders do not move).
   */
  private final transient int hash;

  public ObjectId(String kind, String namespace, String name) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.hash =
        (31 * Objects.hashCode(kind) + Objects.hashCode(namespace)) * 31 + Objects.hashCode(name);
  }

  public static ObjectId kustomization(String namespace, String name) {
    return new ObjectId("Kustomization", namespace, name);
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ObjectId id
            && hash == id.hash
            && Objects.equals(name, id.name)
            && Objects.equals(namespace, id.namespace)
            && Objects.equals(kind, id.kind);
  }

  @Override
  public int hashCode() {
    return hash;
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
