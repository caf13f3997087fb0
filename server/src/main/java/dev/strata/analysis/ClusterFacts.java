package dev.strata.analysis;

import dev.strata.model.ExternalSecret;
import dev.strata.model.Fields;
import dev.strata.model.FluxKustomization;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.ObjectReference;
import dev.strata.model.SecretManifest;
import dev.strata.model.SecretStore;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;
import dev.strata.workspace.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each Kustomization of a cluster provides and uses: Secrets and who produces them, secret
 * stores, the External Secrets operator and Connect servers, StorageClasses, issuers and CRD
 * groups. The needs that cross from one Kustomization to another are edges of the {@link NeedGraph}
 * built on these facts.
 */
public final class ClusterFacts {
  private static final String CSI_SECRET = "-secret-name";

  private final Cluster cluster;
  private final List<SecretSource> sources = new ArrayList<>();
  private final List<SecretUse> uses = new ArrayList<>();
  private final Set<ObjectId> operators = new LinkedHashSet<>();
  private final Set<ObjectId> connectServers = new LinkedHashSet<>();
  private final Map<ObjectId, ObjectId> stores = new LinkedHashMap<>();
  private final Map<ObjectId, String> ociUrls = new HashMap<>();
  private final Map<ObjectId, String> provides = new LinkedHashMap<>();
  private final Map<ObjectId, Boolean> sharedStores =
      new java.util.concurrent.ConcurrentHashMap<>();
  // Indexes over sources and uses, so that matching them stays linear in the size of the cluster.
  private final Map<String, List<SecretSource>> sourcesByName = new HashMap<>();
  private final Map<String, List<SecretUse>> usesByName = new HashMap<>();
  private final Map<Applied, List<SecretUse>> usesByConsumer = new IdentityHashMap<>();
  private final Map<Applied, List<SecretSource>> sourcesByObject = new IdentityHashMap<>();
  private Optional<String> certManagerNamespace;

  ClusterFacts(Cluster cluster, Snapshot snapshot) {
    this.cluster = cluster;
    for (Applied applied : cluster.objects()) {
      index(applied);
    }
    for (Applied applied : cluster.objects()) {
      collectUses(applied, snapshot);
    }
    for (SecretSource source : sources) {
      sourcesByName.computeIfAbsent(source.name(), n -> new ArrayList<>()).add(source);
      sourcesByObject.computeIfAbsent(source.source(), a -> new ArrayList<>()).add(source);
    }
    for (SecretUse use : uses) {
      usesByName.computeIfAbsent(use.name(), n -> new ArrayList<>()).add(use);
      usesByConsumer.computeIfAbsent(use.consumer(), c -> new ArrayList<>()).add(use);
    }
  }

  public Cluster cluster() {
    return cluster;
  }

  public List<SecretSource> sources() {
    return sources;
  }

  /** The Secrets one applied object makes, in the order of {@link #sources}. */
  public List<SecretSource> sourcesFrom(Applied object) {
    return sourcesByObject.getOrDefault(object, List.of());
  }

  public List<SecretUse> uses() {
    return uses;
  }

  /** The uses of Secrets by one applied object, in the order of {@link #uses}. */
  public List<SecretUse> usesBy(Applied consumer) {
    return usesByConsumer.getOrDefault(consumer, List.of());
  }

  public Set<ObjectId> operators() {
    return operators;
  }

  public Set<ObjectId> connectServers() {
    return connectServers;
  }

  /** Secret stores by identity, each with the Kustomization that applies it. */
  public Map<ObjectId, ObjectId> stores() {
    return stores;
  }

  /** What an object's Kustomization is: its owner, or empty for objects applied at the root. */
  public Optional<ObjectId> kustomizationOf(Applied applied) {
    return applied.owner();
  }

  /**
   * A short phrase for Kustomizations that provide infrastructure ("applies StorageClass cephfs").
   */
  public Optional<String> infrastructure(ObjectId kustomization) {
    Optional<String> provided = Optional.ofNullable(provides.get(kustomization));
    if (provided.isPresent()) {
      return provided;
    }
    for (Map.Entry<ObjectId, ObjectId> store : stores.entrySet()) {
      if (store.getValue().equals(kustomization) && shared(store.getKey())) {
        return Optional.of("applies " + store.getKey().kind() + " " + store.getKey().name());
      }
    }
    return Optional.empty();
  }

  /**
   * True when ExternalSecrets of another Kustomization read through the store: a store that only
   * its own Kustomization reads (one store per application) is that application's, not the
   * cluster's.
   */
  public boolean shared(ObjectId store) {
    return sharedStores.computeIfAbsent(
        store,
        s -> {
          Optional<ObjectId> provider = Optional.ofNullable(stores.get(s));
          for (Applied applied : cluster.objects()) {
            if (applied.manifest() instanceof ExternalSecret external
                && external.storeRef().isPresent()
                && storeOf(applied, external.storeRef().get()).equals(s)
                && !applied.owner().equals(provider)) {
              return true;
            }
          }
          return false;
        });
  }

  public List<SecretUse> usesOf(SecretSource source) {
    return usesByName.getOrDefault(source.name(), List.of()).stream()
        .filter(source::produces)
        .toList();
  }

  public List<SecretSource> sourcesOf(SecretUse use) {
    return sourcesByName.getOrDefault(use.name(), List.of()).stream()
        .filter(s -> s.produces(use))
        .toList();
  }

  /** Every source of a Secret with this name, whatever its namespace. */
  List<SecretSource> sourcesNamed(String name) {
    return sourcesByName.getOrDefault(name, List.of());
  }

  public Optional<ObjectId> storeProvider(ObjectId store) {
    return Optional.ofNullable(stores.get(store));
  }

  /** The store an ExternalSecret reads through, resolved as the operator resolves it. */
  public ObjectId storeOf(Applied externalSecret, ExternalSecret.StoreRef ref) {
    String name = externalSecret.substituted(ref.name().value());
    return ref.clusterStore()
        ? new ObjectId("ClusterSecretStore", "", name)
        : new ObjectId("SecretStore", externalSecret.id().namespace(), name);
  }

  private void index(Applied applied) {
    Optional<ObjectId> owner = applied.owner();
    if (applied.manifest() instanceof SecretManifest secret) {
      sources.add(
          new SecretSource(
              Optional.of(applied.id().namespace()),
              applied.id().name(),
              mechanism(secret),
              applied,
              Optional.empty()));
    } else if (applied.manifest() instanceof ExternalSecret external) {
      externalSource(applied, external);
    } else if (applied.manifest() instanceof SecretStore store) {
      owner.ifPresent(o -> stores.put(applied.id(), o));
    } else if (applied.manifest() instanceof FluxSource source
        && source.kind().equals("OCIRepository")) {
      Fields.of(applied.meta().node())
          .text("spec", "url")
          .map(Located::value)
          .ifPresent(url -> ociUrls.put(applied.id(), url));
    }
    if (owner.isEmpty()) {
      return;
    }
    ObjectId kustomization = owner.get();
    switch (applied.manifest().kind()) {
      case "StorageClass" ->
          provides.putIfAbsent(kustomization, "applies StorageClass " + applied.id().name());
      case "ClusterIssuer", "Issuer" ->
          provides.putIfAbsent(
              kustomization, "applies " + applied.manifest().kind() + " " + applied.id().name());
      case "CustomResourceDefinition" ->
          Fields.of(applied.meta().node())
              .text("spec", "group")
              .map(Located::value)
              .ifPresent(group -> providesGroup(group, kustomization));
      default -> {}
    }
  }

  private void externalSource(Applied applied, ExternalSecret external) {
    Optional<String> store = external.storeRef().map(r -> r.name().value());
    String name = applied.substituted(external.targetName());
    if (!external.cluster()) {
      sources.add(
          new SecretSource(
              Optional.of(applied.id().namespace()),
              name,
              SecretSource.Mechanism.EXTERNAL_SECRET,
              applied,
              store));
      return;
    }
    List<Located<String>> namespaces = Fields.of(applied.meta().node()).texts("spec", "namespaces");
    if (namespaces.isEmpty()) {
      sources.add(
          new SecretSource(
              Optional.empty(), name, SecretSource.Mechanism.EXTERNAL_SECRET, applied, store));
    }
    for (Located<String> namespace : namespaces) {
      sources.add(
          new SecretSource(
              Optional.of(namespace.value()),
              name,
              SecretSource.Mechanism.EXTERNAL_SECRET,
              applied,
              store));
    }
  }

  private static SecretSource.Mechanism mechanism(SecretManifest secret) {
    if (secret.meta().encrypted()) {
      return SecretSource.Mechanism.SOPS;
    }
    return secret.hasPlainValues()
        ? SecretSource.Mechanism.PLAINTEXT
        : SecretSource.Mechanism.TEMPLATE;
  }

  private void providesGroup(String group, ObjectId kustomization) {
    provides.putIfAbsent(kustomization, "installs the CRDs of " + group);
  }

  /**
   * Chart names a HelmRelease may go by: its chart, its chartRef, the last segment of an OCI URL.
   */
  Set<String> chartNames(Applied release) {
    Set<String> names = new LinkedHashSet<>();
    HelmRelease hr = (HelmRelease) release.manifest();
    hr.chart().ifPresent(c -> names.add(lastSegment(release.substituted(c.value()))));
    hr.chartSource()
        .ifPresent(
            source -> {
              String sourceName = release.substituted(source.name().value());
              names.add(sourceName);
              String namespace =
                  source
                      .namespace()
                      .map(n -> release.substituted(n.value()))
                      .orElse(release.id().namespace());
              Optional.ofNullable(ociUrls.get(new ObjectId("OCIRepository", namespace, sourceName)))
                  .ifPresent(url -> names.add(lastSegment(url)));
            });
    return names;
  }

  private static String lastSegment(String text) {
    String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private void collectUses(Applied applied, Snapshot snapshot) {
    Optional<ObjectId> owner = applied.owner();
    if (applied.manifest() instanceof HelmRelease && owner.isPresent()) {
      Set<String> charts = chartNames(applied);
      if (charts.stream().anyMatch(Charts.EXTERNAL_SECRETS::contains)) {
        operators.add(owner.get());
      }
      if (charts.stream().anyMatch(Charts.CONNECT_SERVERS::contains)) {
        connectServers.add(owner.get());
      }
      for (String chart : charts) {
        Charts.CRD_GROUPS
            .getOrDefault(chart, Set.of())
            .forEach(group -> providesGroup(group, owner.get()));
      }
    }
    if (applied.manifest() instanceof SecretStore store) {
      for (ObjectReference credential : store.credentials()) {
        Optional<String> namespace =
            store.cluster()
                ? credential.namespace().map(n -> applied.substituted(n.value()))
                : Optional.of(applied.id().namespace());
        addUse(
            applied,
            namespace,
            credential.name(),
            SecretUse.Role.INFRASTRUCTURE,
            "store credentials");
      }
    }
    if (applied.manifest() instanceof FluxKustomization kustomization) {
      for (ObjectReference from : kustomization.postBuild().substituteFrom()) {
        if (from.kindOr("ConfigMap").equals("Secret")) {
          addUse(
              applied,
              Optional.of(applied.id().namespace()),
              from.name(),
              SecretUse.Role.WORKLOAD,
              "postBuild.substituteFrom");
        }
      }
    }
    if (applied.manifest() instanceof HelmRelease release) {
      for (ObjectReference from : release.valuesFrom()) {
        if (from.kindOr("ConfigMap").equals("Secret")) {
          addUse(
              applied,
              Optional.of(applied.id().namespace()),
              from.name(),
              SecretUse.Role.WORKLOAD,
              "valuesFrom");
        }
      }
    }
    if (applied.manifest().kind().equals("StorageClass")
        || applied.manifest().kind().equals("VolumeSnapshotClass")) {
      csiSecrets(applied);
    }
    for (SecretFields.Match match :
        SecretFields.matches(snapshot.file(applied.file()), applied.manifest())) {
      SecretFields.Row row = match.row();
      Optional<String> namespace =
          row.anyNamespace()
              ? clusterResourceNamespace(applied)
              : Optional.of(applied.id().namespace());
      addUse(
          applied,
          namespace,
          Located.of(match.name().value(), match.name().range()),
          row.role(),
          row.what());
    }
  }

  /**
   * Where cert-manager looks up the Secrets of ClusterIssuers: its {@code
   * --cluster-resource-namespace}, which the chart sets to the release's namespace unless {@code
   * clusterResourceNamespace} says otherwise (cert-manager chart {@code deployment.yaml}). Empty
   * when the cluster has no cert-manager release, or for other cluster-scoped consumers.
   */
  private Optional<String> clusterResourceNamespace(Applied consumer) {
    if (!consumer.manifest().kind().equals("ClusterIssuer")) {
      return Optional.empty();
    }
    if (certManagerNamespace == null) {
      certManagerNamespace = Optional.empty();
      for (Applied applied : cluster.objects()) {
        if (applied.manifest() instanceof HelmRelease release
            && chartNames(applied).contains("cert-manager")) {
          Optional<Located<String>> configured =
              Fields.of(applied.meta().node()).text("spec", "values", "clusterResourceNamespace");
          certManagerNamespace =
              Optional.of(
                  configured
                      .map(c -> applied.substituted(c.value()))
                      .orElse(
                          release
                              .targetNamespace()
                              .map(t -> applied.substituted(t.value()))
                              .orElse(applied.id().namespace())));
          break;
        }
      }
    }
    return certManagerNamespace;
  }

  /** CSI parameters pair {@code *-secret-name} with {@code *-secret-namespace}. */
  private void csiSecrets(Applied applied) {
    Optional<YamlNode> parameters = applied.meta().node().get("parameters");
    if (parameters.isEmpty() || !(parameters.get() instanceof YamlMapping mapping)) {
      return;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.keyText().orElse("");
      if (key.endsWith(CSI_SECRET) && entry.value() instanceof YamlScalar name && !name.isNull()) {
        String namespaceKey =
            key.substring(0, key.length() - CSI_SECRET.length()) + "-secret-namespace";
        Optional<String> namespace =
            Fields.of(mapping).text(namespaceKey).map(Located::value).map(applied::substituted);
        addUse(
            applied,
            namespace,
            Located.of(name.value(), name.range()),
            SecretUse.Role.INFRASTRUCTURE,
            "CSI secret");
      }
    }
  }

  private void addUse(
      Applied applied,
      Optional<String> namespace,
      Located<String> name,
      SecretUse.Role role,
      String what) {
    String resolved = applied.substituted(name.value());
    if (resolved.contains("${") || resolved.contains("{{")) {
      return;
    }
    uses.add(
        new SecretUse(
            namespace, resolved, applied, new Origin(applied.file(), name.range()), role, what));
  }

  /** Whether a Kustomization applies this object directly (used to tell provider from consumer). */
  static boolean owns(AppliedKustomization kustomization, Applied applied) {
    return applied.owner().map(kustomization.id()::equals).orElse(false);
  }
}
