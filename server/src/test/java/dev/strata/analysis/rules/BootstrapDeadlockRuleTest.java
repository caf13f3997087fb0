package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapDeadlockRuleTest {
  /**
   * A bootstrap root, one Kustomization under it that decrypts, and External Secrets with its
   * store.
   */
  static final String ROOT =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: flux-system}
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
      #- infra/external-secrets/helmrelease.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: external-secrets
        namespace: external-secrets
      spec:
        chart:
          spec:
            chart: external-secrets
            sourceRef: {kind: HelmRepository, name: external-secrets}
      #- infra/stores/store.yaml
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
                  name: connect-token
                  namespace: external-secrets
                  key: token
      """;

  static final String STORES =
      """
      #- apps/stores.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: stores
        namespace: flux-system
      spec:
        path: ./infra/stores
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
        dependsOn:
          - name: external-secrets
      """;

  static final String TOKEN_IN_SOPS =
      """
      #- infra/stores/token.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: connect-token
        namespace: external-secrets
      stringData:
        token: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        encrypted_regex: ^(data|stringData)$
      """;

  /** External Secrets keeps its state on Ceph: it depends on storage. */
  static final String ESO_ON_STORAGE =
      """
      #- apps/external-secrets.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: external-secrets
        namespace: flux-system
      spec:
        path: ./infra/external-secrets
        sourceRef: {kind: GitRepository, name: flux-system}
        dependsOn:
          - name: ceph-csi
      """;

  static final String STORAGE_CLASS =
      """
      #- infra/ceph-csi/storageclass.yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: cephfs
      provisioner: cephfs.csi.ceph.com
      parameters:
        csi.storage.k8s.io/provisioner-secret-name: ceph-secret
        csi.storage.k8s.io/provisioner-secret-namespace: storage
      """;

  static final String CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET =
      """
      #- infra/ceph-csi/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: ceph-secret
        namespace: storage
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
        target:
          name: ceph-secret
      #         ^^^^^^^^^^^ error[bootstrap-deadlock]: flux-system/external-secrets depends on flux-system/ceph-csi; StorageClass cephfs (CSI secret) needs Secret storage/ceph-secret, which this ExternalSecret produces
      """;

  @Test
  void reportsStorageCredentialsFromAnExternalSecretWhenExternalSecretsDependsOnStorage() {
    String fixture =
        ROOT
            + STORES
            + TOKEN_IN_SOPS
            + ESO_ON_STORAGE
            + STORAGE_CLASS
            + CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET
            + """
            #- apps/ceph-csi.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph-csi
              namespace: flux-system
            spec:
              path: ./infra/ceph-csi
              sourceRef: {kind: GitRepository, name: flux-system}
            """;
    assertFindings(fixture, "bootstrap-deadlock");
    // No dependsOn back edge: only the implicit cycle through the Secret, which dependency-cycle
    // cannot see.
    assertFindings(fixture, "dependency-cycle");
  }

  @Test
  void reportsTheSameDeadlockBesideTheExplicitCycleWhenStorageAlsoDependsOnTheStores() {
    String fixture =
        ROOT
            + TOKEN_IN_SOPS
            + STORAGE_CLASS
            + CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET
            + """
            #- apps/external-secrets.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: external-secrets
              namespace: flux-system
            spec:
              path: ./infra/external-secrets
              sourceRef: {kind: GitRepository, name: flux-system}
              dependsOn:
                - name: ceph-csi
            #           ^^^^^^^^ error[dependency-cycle]: flux-system/ceph-csi
            #- apps/stores.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: stores
              namespace: flux-system
            spec:
              path: ./infra/stores
              sourceRef: {kind: GitRepository, name: flux-system}
              decryption: {provider: sops, secretRef: {name: sops-age}}
              dependsOn:
                - name: external-secrets
            #           ^^^^^^^^^^^^^^^^ error[dependency-cycle]: flux-system/stores
            #- apps/ceph-csi.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph-csi
              namespace: flux-system
            spec:
              path: ./infra/ceph-csi
              sourceRef: {kind: GitRepository, name: flux-system}
              dependsOn:
                - name: stores
            #           ^^^^^^ error[dependency-cycle]: flux-system/external-secrets
            """;
    assertFindings(fixture, "bootstrap-deadlock");
    assertFindings(fixture, "dependency-cycle");
  }

  @Test
  void reportsAStoreWhoseTokenComesThroughThatSameStore() {
    assertFindings(
        ROOT
            + STORES
            + """
            #- apps/external-secrets.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: external-secrets
              namespace: flux-system
            spec:
              path: ./infra/external-secrets
              sourceRef: {kind: GitRepository, name: flux-system}
            #- infra/stores/token.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: connect-token
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
              target:
                name: connect-token
            #         ^^^^^^^^^^^^^ error[bootstrap-deadlock]: ClusterSecretStore onepassword reads its own credentials from Secret external-secrets/connect-token, which this ExternalSecret produces through that same store
            """,
        "bootstrap-deadlock");
  }

  @Test
  void staysSilentWhenStorageCredentialsAreInSops() {
    assertFindings(
        ROOT
            + STORES
            + TOKEN_IN_SOPS
            + ESO_ON_STORAGE
            + STORAGE_CLASS
            + """
            #- apps/ceph-csi.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph-csi
              namespace: flux-system
            spec:
              path: ./infra/ceph-csi
              sourceRef: {kind: GitRepository, name: flux-system}
              decryption: {provider: sops, secretRef: {name: sops-age}}
            #- infra/ceph-csi/secret.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: ceph-secret
              namespace: storage
            stringData:
              userKey: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
              encrypted_regex: ^(data|stringData)$
            """,
        "bootstrap-deadlock");
  }

  @Test
  void staysSilentOnApplicationSecretsFromExternalSecrets() {
    assertFindings(
        ROOT
            + STORES
            + TOKEN_IN_SOPS
            + APP_WITH_EXTERNAL_VALUES
            + """
            #- apps/external-secrets.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: external-secrets
              namespace: flux-system
            spec:
              path: ./infra/external-secrets
              sourceRef: {kind: GitRepository, name: flux-system}
            """,
        "bootstrap-deadlock");
  }

  /**
   * An application Kustomization, applied by the root's child, whose HelmRelease reads an
   * ExternalSecret.
   */
  static final String APP_WITH_EXTERNAL_VALUES =
      """
      #- apps/paperless.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: paperless
        namespace: flux-system
      spec:
        path: ./workloads/paperless
        sourceRef: {kind: GitRepository, name: flux-system}
        dependsOn:
          - name: stores
      #- workloads/paperless/helmrelease.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: paperless
        namespace: default
      spec:
        chart:
          spec:
            chart: paperless
            sourceRef: {kind: HelmRepository, name: charts}
        valuesFrom:
          - kind: Secret
            name: paperless-secret
      #- workloads/paperless/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: paperless
        namespace: default
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
        target:
          name: paperless-secret
      """;

  @Test
  void ignoresWhatTheObjectsOfARootAppliedKustomizationUseButNotItsOwnFields() {
    // apps is applied by the root: it only has to build, so its objects' secrets are not bootstrap.
    String objectsOnly =
        ROOT
            + STORES
            + TOKEN_IN_SOPS
            + """
            #- apps/external-secrets.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: external-secrets
              namespace: flux-system
            spec:
              path: ./infra/external-secrets
              sourceRef: {kind: GitRepository, name: flux-system}
            #- apps/config/configmap.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dashboard
              namespace: flux-system
            spec:
              template:
                spec:
                  containers:
                    - name: dashboard
                      envFrom:
                        - secretRef:
                            name: cluster-settings
            #- apps/config/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: cluster-settings
              namespace: flux-system
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """;
    assertFindings(objectsOnly, "bootstrap-deadlock");
  }

  @Test
  void reportsAnExternalSecretThatARootAppliedKustomizationSubstitutesFrom() {
    List<Finding> findings =
        Fixture.of(
                ROOT.replace(
                        "  decryption: {provider: sops, secretRef: {name: sops-age}}\n",
                        "  decryption: {provider: sops, secretRef: {name: sops-age}}\n"
                            + "  postBuild:\n    substituteFrom:\n      - kind: Secret\n        name: cluster-secrets\n")
                    + STORES
                    + TOKEN_IN_SOPS
                    + """
                    #- apps/external-secrets.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata:
                      name: external-secrets
                      namespace: flux-system
                    spec:
                      path: ./infra/external-secrets
                      sourceRef: {kind: GitRepository, name: flux-system}
                    #- apps/cluster-secrets.yaml
                    apiVersion: external-secrets.io/v1
                    kind: ExternalSecret
                    metadata:
                      name: cluster-secrets
                      namespace: flux-system
                    spec:
                      secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
                    """)
            .findings("bootstrap-deadlock");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("apps/cluster-secrets.yaml", findings.get(0).file());
    assertTrue(
        findings
            .get(0)
            .message()
            .contains(
                "Kustomization flux-system/apps (postBuild.substituteFrom) needs Secret flux-system/cluster-secrets"),
        findings.get(0).message());
  }

  @Test
  void neverReportsANotificationProviderSecret() {
    assertFindings(
        ROOT
            + STORES
            + TOKEN_IN_SOPS
            + """
            #- apps/external-secrets.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: external-secrets
              namespace: flux-system
            spec:
              path: ./infra/external-secrets
              sourceRef: {kind: GitRepository, name: flux-system}
            #- infra/external-secrets/provider.yaml
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Provider
            metadata:
              name: discord
              namespace: external-secrets
            spec:
              type: discord
              secretRef:
                name: discord-webhook
            #- infra/external-secrets/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: discord-webhook
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "bootstrap-deadlock");
  }
}
