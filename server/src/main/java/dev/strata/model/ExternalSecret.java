package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code ExternalSecret}, or a {@code ClusterExternalSecret} ({@code cluster} true) read through
 * its {@code externalSecretSpec}. The Secret it produces is named by {@link #targetName()}.
 */
public record ExternalSecret(
    ObjectMeta meta,
    boolean cluster,
    Optional<StoreRef> storeRef,
    Optional<Located<String>> target,
    Optional<Located<String>> creationPolicy,
    Optional<String> templateType,
    Map<String, String> templateLabels,
    Map<String, String> templateAnnotations,
    List<Located<String>> templateDataKeys,
    List<DataEntry> data,
    boolean hasDataFrom,
    boolean hasTemplateFrom,
    List<StoreRef> entryStores)
    implements Manifest {
  public static final String GROUP = "external-secrets.io";

  public ExternalSecret {
    templateLabels = Map.copyOf(templateLabels);
    templateAnnotations = Map.copyOf(templateAnnotations);
    templateDataKeys = List.copyOf(templateDataKeys);
    data = List.copyOf(data);
    entryStores = List.copyOf(entryStores);
  }

  /** {@code secretStoreRef}: {@code kind} defaults to {@code SecretStore}. */
  public record StoreRef(Located<String> name, Optional<Located<String>> kind) {
    public boolean clusterStore() {
      return kind.map(k -> k.value().equals("ClusterSecretStore")).orElse(false);
    }
  }

  /** One {@code data} entry: the key in the Secret and where the provider finds it. */
  public record DataEntry(
      Located<String> secretKey, Optional<String> remoteKey, Optional<String> property) {}

  /** The name of the Secret this produces: {@code target.name}, else the object's own name. */
  public String targetName() {
    return target.map(Located::value).orElse(meta.nameText());
  }
}
