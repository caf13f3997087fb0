package dev.strata.analysis;

/**
 * Compact repositories shared by the tests of the secret analysis: a correctly layered cluster, and
 * the same cluster with storage credentials moved to an ExternalSecret while External Secrets
 * depends on storage (so storage applies an ExternalSecret before External Secrets installs its
 * CRD).
 */
final class SecretFixtures {
  private SecretFixtures() {}

  static final String ENC = "ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]";
  static final String SOPS_BLOCK =
      "sops:\n  mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]\n  encrypted_regex: ^(data|stringData)$\n";

  static String kustomization(String name, String path, String... dependsOn) {
    StringBuilder text =
        new StringBuilder(
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: %s
              namespace: flux-system
            spec:
              path: %s
              sourceRef: {kind: GitRepository, name: flux-system}
              decryption: {provider: sops, secretRef: {name: sops-age}}
            """
                .formatted(name, path));
    if (dependsOn.length > 0) {
      text.append("  dependsOn:\n");
      for (String dependency : dependsOn) {
        text.append("    - name: ").append(dependency).append('\n');
      }
    }
    return text.toString();
  }

  static String sopsSecret(String name, String namespace, String key) {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: %s
        stringData:
          %s: %s
        """
            .formatted(name, namespace, key, ENC)
        + SOPS_BLOCK;
  }

  static String helmRelease(String name, String namespace, String chart) {
    return """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: %s
          namespace: %s
        spec:
          chart:
            spec:
              chart: %s
              sourceRef: {kind: HelmRepository, name: charts, namespace: flux-system}
        """
        .formatted(name, namespace, chart);
  }

  private static final String COMMON =
      "#- clusters/home/flux-system/gotk-sync.yaml\n"
          + """
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: flux-system
            namespace: flux-system
          spec:
            path: ./clusters/home
            sourceRef: {kind: GitRepository, name: flux-system}
          """
          + "#- repositories/charts.yaml\n"
          + """
          apiVersion: source.toolkit.fluxcd.io/v1
          kind: HelmRepository
          metadata:
            name: charts
            namespace: flux-system
          spec:
            url: https://charts.example.com
          """
          + "#- clusters/home/apps.yaml\n"
          + kustomization("apps", "./apps")
          + "#- apps/repositories.yaml\n"
          + kustomization("repositories", "./repositories")
          + "#- apps/external-secrets.yaml\n"
          + kustomization("external-secrets", "./infra/external-secrets", "ceph-csi")
          + "---\n"
          + kustomization("stores", "./infra/stores", "external-secrets", "onepassword-connect")
          + "---\n"
          + kustomization("onepassword-connect", "./infra/onepassword-connect")
          + "#- apps/ceph-csi.yaml\n"
          + kustomization("ceph-csi", "./infra/ceph-csi")
          + "#- apps/paperless.yaml\n"
          + kustomization("paperless", "./workloads/paperless", "stores", "ceph-csi")
          + "#- infra/external-secrets/helmrelease.yaml\n"
          + helmRelease("external-secrets", "external-secrets", "external-secrets")
          + "#- infra/onepassword-connect/helmrelease.yaml\n"
          + helmRelease("onepassword-connect", "external-secrets", "connect")
          + "#- infra/onepassword-connect/secret.sops.yaml\n"
          + sopsSecret("onepassword-connect-token", "external-secrets", "token")
          + "#- infra/stores/clustersecretstore.yaml\n"
          + """
          apiVersion: external-secrets.io/v1
          kind: ClusterSecretStore
          metadata:
            name: onepassword
          spec:
            provider:
              onepassword:
                connectHost: http://onepassword-connect.external-secrets.svc:8080
                auth:
                  secretRef:
                    connectTokenSecretRef:
                      name: onepassword-connect-token
                      namespace: external-secrets
                      key: token
          """
          + "#- infra/ceph-csi/storageclass.yaml\n"
          + """
          apiVersion: storage.k8s.io/v1
          kind: StorageClass
          metadata:
            name: cephfs
          provisioner: cephfs.csi.ceph.com
          parameters:
            csi.storage.k8s.io/provisioner-secret-name: ceph-csi-secret
            csi.storage.k8s.io/provisioner-secret-namespace: storage
          """
          + "#- workloads/paperless/helmrelease.yaml\n"
          + helmRelease("paperless", "default", "paperless")
          + """
            valuesFrom:
              - kind: Secret
                name: paperless-secret
          """
          + "#- workloads/paperless/externalsecret.yaml\n"
          + """
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: paperless
            namespace: default
          spec:
            secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            target:
              name: paperless-secret
          """
          + "#- workloads/paperless/pvc.yaml\n"
          + """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: paperless-data
            namespace: default
          spec:
            storageClassName: cephfs
          """;

  /** Storage credentials in SOPS: every bootstrap Kustomization comes up from Git. */
  static final String LAYERED =
      COMMON
          + "#- infra/ceph-csi/secret.sops.yaml\n"
          + sopsSecret("ceph-csi-secret", "storage", "userKey");

  /** Storage credentials from an ExternalSecret while External Secrets depends on storage. */
  static final String BROKEN =
      COMMON
          + "#- infra/ceph-csi/externalsecret.yaml\n"
          + """
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: ceph-csi-secret
            namespace: storage
          spec:
            secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          """;
}
