package dev.strata.analysis;

import dev.strata.analysis.SecretUse.Role;
import dev.strata.model.Manifest;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The fields through which Kubernetes objects name the Secrets they need, as data: add a row to
 * teach Strata a new consumer. Paths use {@link FieldPath}; each selects the scalar holding the
 * Secret's name. Rows with {@code anyNamespace} set do not fix the Secret's namespace: a
 * ClusterIssuer's secrets live in cert-manager's cluster resource namespace (see {@link
 * ClusterFacts}). Roles follow the layered-secrets strategy's table (docs/secrets.md).
 */
final class SecretFields {
  record Row(
      String group, Set<String> kinds, String path, Role role, String what, boolean anyNamespace) {
    FieldPath fieldPath() {
      return PARSED.get(path);
    }
  }

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
  private static final String POD = "spec.template.spec.";

  static final List<Row> ROWS =
      List.of(
          // cert-manager: CA keys and ACME account and DNS credentials.
          new Row(
              "cert-manager.io",
              Set.of("Issuer"),
              "spec.ca.secretName",
              Role.INFRASTRUCTURE,
              "CA key of the issuer",
              false),
          new Row(
              "cert-manager.io",
              Set.of("ClusterIssuer"),
              "spec.ca.secretName",
              Role.INFRASTRUCTURE,
              "CA key of the issuer",
              true),
          new Row(
              "cert-manager.io",
              Set.of("Issuer"),
              "spec.acme.privateKeySecretRef.name",
              Role.INFRASTRUCTURE,
              "ACME account key",
              false),
          new Row(
              "cert-manager.io",
              Set.of("ClusterIssuer"),
              "spec.acme.privateKeySecretRef.name",
              Role.INFRASTRUCTURE,
              "ACME account key",
              true),
          // The strategy puts DNS provider API keys (Cloudflare's, say) in External Secrets: a
          // cluster whose provider is down keeps its certificates until they expire.
          new Row(
              "cert-manager.io",
              Set.of("Issuer"),
              "spec.acme.solvers.[].dns01.**.*SecretRef.name",
              Role.WORKLOAD,
              "DNS-01 solver credentials",
              false),
          new Row(
              "cert-manager.io",
              Set.of("ClusterIssuer"),
              "spec.acme.solvers.[].dns01.**.*SecretRef.name",
              Role.WORKLOAD,
              "DNS-01 solver credentials",
              true),
          new Row(
              "cert-manager.io",
              Set.of("Issuer"),
              "spec.vault.auth.**.*ecretRef.name",
              Role.INFRASTRUCTURE,
              "Vault credentials of the issuer",
              false),
          new Row(
              "cert-manager.io",
              Set.of("ClusterIssuer"),
              "spec.vault.auth.**.*ecretRef.name",
              Role.INFRASTRUCTURE,
              "Vault credentials of the issuer",
              true),
          // CloudNative-PG: superuser, bootstrap and backup credentials.
          new Row(
              "postgresql.cnpg.io",
              Set.of("Cluster"),
              "spec.superuserSecret.name",
              Role.INFRASTRUCTURE,
              "database superuser",
              false),
          new Row(
              "postgresql.cnpg.io",
              Set.of("Cluster"),
              "spec.bootstrap.*.secret.name",
              Role.INFRASTRUCTURE,
              "database bootstrap secret",
              false),
          new Row(
              "postgresql.cnpg.io",
              Set.of("Cluster"),
              "spec.backup.barmanObjectStore.*Credentials.**.name",
              Role.INFRASTRUCTURE,
              "database backup credentials",
              false),
          new Row(
              "postgresql.cnpg.io",
              Set.of("Cluster"),
              "spec.externalClusters.[].barmanObjectStore.*Credentials.**.name",
              Role.INFRASTRUCTURE,
              "database recovery credentials",
              false),
          new Row(
              "barmancloud.cnpg.io",
              Set.of("ObjectStore"),
              "spec.configuration.*Credentials.**.name",
              Role.INFRASTRUCTURE,
              "database backup credentials",
              false),
          // Rook/Ceph.
          new Row(
              "ceph.rook.io",
              Set.of(),
              "spec.**.*ecretName",
              Role.INFRASTRUCTURE,
              "Ceph secret",
              false),
          // Backups.
          new Row(
              "volsync.backube",
              Set.of("ReplicationSource", "ReplicationDestination"),
              "spec.*.repository",
              Role.INFRASTRUCTURE,
              "backup repository key",
              false),
          new Row(
              "velero.io",
              Set.of("BackupStorageLocation", "VolumeSnapshotLocation"),
              "spec.credential.name",
              Role.INFRASTRUCTURE,
              "backup storage credentials",
              false),
          new Row(
              "k8up.io",
              Set.of(),
              "spec.backend.**.*SecretRef.name",
              Role.INFRASTRUCTURE,
              "backup credentials",
              false),
          // Flux.
          new Row(
              "source.toolkit.fluxcd.io",
              Set.of(),
              "spec.secretRef.name",
              Role.INFRASTRUCTURE,
              "source credentials",
              false),
          new Row(
              "source.toolkit.fluxcd.io",
              Set.of(),
              "spec.certSecretRef.name",
              Role.INFRASTRUCTURE,
              "source TLS credentials",
              false),
          new Row(
              "source.toolkit.fluxcd.io",
              Set.of(),
              "spec.verify.secretRef.name",
              Role.INFRASTRUCTURE,
              "source verification keys",
              false),
          new Row(
              "kustomize.toolkit.fluxcd.io",
              Set.of("Kustomization"),
              "spec.decryption.secretRef.name",
              Role.INFRASTRUCTURE,
              "SOPS decryption keys",
              false),
          new Row(
              "kustomize.toolkit.fluxcd.io",
              Set.of("Kustomization"),
              "spec.kubeConfig.secretRef.name",
              Role.INFRASTRUCTURE,
              "remote cluster credentials",
              false),
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.kubeConfig.secretRef.name",
              Role.INFRASTRUCTURE,
              "remote cluster credentials",
              false),
          new Row(
              "notification.toolkit.fluxcd.io",
              Set.of("Provider", "Alert"),
              "spec.secretRef.name",
              Role.ADVISORY,
              "notification credentials",
              false),
          // Helm values in the usual shapes of charts (bjw-s app-template among them).
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.values.**.secretRef.name",
              Role.WORKLOAD,
              "Helm values",
              false),
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.values.**.secretKeyRef.name",
              Role.WORKLOAD,
              "Helm values",
              false),
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.values.**.existingSecret",
              Role.WORKLOAD,
              "Helm values",
              false),
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.values.**.existingSecretName",
              Role.WORKLOAD,
              "Helm values",
              false),
          new Row(
              "helm.toolkit.fluxcd.io",
              Set.of("HelmRelease"),
              "spec.values.**.credentialsName",
              Role.WORKLOAD,
              "Helm values",
              false),
          // Workloads.
          new Row(
              "apps",
              WORKLOADS,
              POD + "*ontainers.[].env.[].valueFrom.secretKeyRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "apps",
              WORKLOADS,
              POD + "*ontainers.[].envFrom.[].secretRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "apps",
              WORKLOADS,
              POD + "volumes.[].secret.secretName",
              Role.WORKLOAD,
              "volume",
              false),
          new Row(
              "apps",
              WORKLOADS,
              POD + "imagePullSecrets.[].name",
              Role.WORKLOAD,
              "image pull secret",
              false),
          new Row(
              "batch",
              Set.of("Job"),
              POD + "*ontainers.[].env.[].valueFrom.secretKeyRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "batch",
              Set.of("Job"),
              POD + "*ontainers.[].envFrom.[].secretRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "batch",
              Set.of("Job"),
              POD + "volumes.[].secret.secretName",
              Role.WORKLOAD,
              "volume",
              false),
          new Row(
              "batch",
              Set.of("CronJob"),
              "spec.jobTemplate." + POD + "*ontainers.[].env.[].valueFrom.secretKeyRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "batch",
              Set.of("CronJob"),
              "spec.jobTemplate." + POD + "*ontainers.[].envFrom.[].secretRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "batch",
              Set.of("CronJob"),
              "spec.jobTemplate." + POD + "volumes.[].secret.secretName",
              Role.WORKLOAD,
              "volume",
              false),
          new Row(
              "",
              Set.of("Pod"),
              "spec.*ontainers.[].env.[].valueFrom.secretKeyRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "",
              Set.of("Pod"),
              "spec.*ontainers.[].envFrom.[].secretRef.name",
              Role.WORKLOAD,
              "container environment",
              false),
          new Row(
              "",
              Set.of("Pod"),
              "spec.volumes.[].secret.secretName",
              Role.WORKLOAD,
              "volume",
              false),
          new Row(
              "networking.k8s.io",
              Set.of("Ingress"),
              "spec.tls.[].secretName",
              Role.WORKLOAD,
              "TLS certificate",
              false));

  // Parsed once: every object of every analysis reads these paths.
  private static final Map<String, FieldPath> PARSED =
      ROWS.stream().map(Row::path).distinct().collect(Collectors.toMap(p -> p, FieldPath::parse));

  /** A field of a row that holds a Secret's name in one document. */
  record Match(Row row, YamlScalar name) {}

  private static final Object MEMO_KEY = new Object();

  /**
   * The matches of every row in one manifest, walked once per version of its file: the walk over
   * HelmRelease values is the costliest part of finding consumers, and unchanged files keep their
   * result.
   */
  static List<Match> matches(Optional<SourceFile> file, Manifest manifest) {
    if (file.isEmpty()) {
      return walk(manifest);
    }
    Map<Integer, List<Match>> byDocument = file.get().memo().get(MEMO_KEY, ConcurrentHashMap::new);
    return byDocument.computeIfAbsent(manifest.meta().document(), d -> walk(manifest));
  }

  private static List<Match> walk(Manifest manifest) {
    List<Match> result = new ArrayList<>();
    for (Row row : ROWS) {
      if (manifest.meta().group().equals(row.group())
          && (row.kinds().isEmpty() || row.kinds().contains(manifest.kind()))) {
        for (YamlNode node : row.fieldPath().select(manifest.meta().node())) {
          if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            result.add(new Match(row, scalar));
          }
        }
      }
    }
    return List.copyOf(result);
  }

  private SecretFields() {}
}
