package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deadlocks of the need graph, one fixture each: what is a cycle through a Secret an
 * ExternalSecret makes or through a build input, and the layouts that look alike but bootstrap.
 */
class BootstrapDeadlockRuleTest {
  /** The bootstrap root and the Kustomization it applies, which applies the rest from apps/. */
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
      #- clusters/home/charts.yaml
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: HelmRepository
      metadata:
        name: charts
        namespace: flux-system
      spec:
        url: https://charts.example.com
      """;

  static String kustomization(String name, String path, String more) {
    return """
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
            .formatted(name, path)
        + more.indent(2);
  }

  static String helmRelease(String name, String namespace, String chart, String values) {
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
            .formatted(name, namespace, chart)
        + values.indent(2);
  }

  static final String TOKEN_IN_SOPS =
      """
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

  static final String STORE =
      """
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

  static final String STORAGE_CLASS =
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: cephfs
      provisioner: cephfs.csi.ceph.com
      parameters:
        csi.storage.k8s.io/provisioner-secret-name: ceph-secret
        csi.storage.k8s.io/provisioner-secret-namespace: storage
      """;

  /**
   * External Secrets keeps its cache on a cephfs claim; storage applies after the stores. Nothing
   * yet says where Ceph's credentials come from.
   */
  static final String ESO_ON_CEPH =
      ROOT
          + "#- apps/external-secrets.yaml\n"
          + kustomization("external-secrets", "./infra/external-secrets", "")
          + "---\n"
          + kustomization("stores", "./infra/stores", "dependsOn:\n  - name: external-secrets\n")
          + "---\n"
          + kustomization("ceph-csi", "./infra/ceph-csi", "dependsOn:\n  - name: stores\n")
          + "#- infra/external-secrets/helmrelease.yaml\n"
          + helmRelease(
              "external-secrets",
              "external-secrets",
              "external-secrets",
              """
              values:
                extraVolumes:
                  - name: cache
                    persistentVolumeClaim:
                      claimName: cache
              """)
          + "#- infra/external-secrets/pvc.yaml\n"
          + """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: cache
            namespace: external-secrets
          spec:
            storageClassName: cephfs
          """
          + "#- infra/stores/store.yaml\n"
          + STORE
          + "#- infra/stores/token.sops.yaml\n"
          + TOKEN_IN_SOPS
          + "#- infra/ceph-csi/storageclass.yaml\n"
          + STORAGE_CLASS;

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
      #         ^^^^^^^^^^^ error[bootstrap-deadlock]: HelmRelease external-secrets/external-secrets is Ready only once PersistentVolumeClaim external-secrets/cache is bound (its values mount PersistentVolumeClaim external-secrets/cache, infra/external-secrets/helmrelease.yaml:15)
      """;

  @Test
  void reportsTheChickenAndEggOfStorageCredentialsFromExternalSecretsThatStorageHolds() {
    assertFindings(
        ESO_ON_CEPH + CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET,
        "bootstrap-deadlock",
        "infrastructure-secret-in-external-secret",
        "custom-resource-before-crd",
        "dependency-cycle");
  }

  @Test
  void walksTheCycleEdgeByEdgeWithTheFileOfEachStep() {
    List<Finding> findings =
        Fixture.of(ESO_ON_CEPH + CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET)
            .findings("bootstrap-deadlock");
    assertEquals(1, findings.size(), findings.toString());
    String message = findings.get(0).message();
    List<String> steps =
        List.of(
            "Secret storage/ceph-secret from its ExternalSecret is made only once ClusterSecretStore onepassword is served by External Secrets (ExternalSecret storage/ceph-secret reads it through ClusterSecretStore onepassword, infra/ceph-csi/externalsecret.yaml:7)",
            "ClusterSecretStore onepassword is served by External Secrets only once the External Secrets operator runs",
            "the External Secrets operator runs only once HelmRelease external-secrets/external-secrets is Ready",
            "PersistentVolumeClaim external-secrets/cache is bound only once Secret storage/ceph-secret exists (StorageClass cephfs provisions with Secret ceph-secret, infra/ceph-csi/storageclass.yaml:",
            "Secret storage/ceph-secret exists only once Secret storage/ceph-secret from its ExternalSecret is made");
    int at = -1;
    for (String step : steps) {
      int next = message.indexOf(step);
      assertTrue(next > at, "missing or out of order: " + step + "\nin: " + message);
      at = next;
    }
    assertEquals(6, findings.get(0).related().size(), findings.get(0).related().toString());
  }

  @Test
  void reportsTheSameChickenAndEggWhenADependsOnBackEdgeCloses() {
    // External Secrets waits for its release, and Ceph's credentials come from a Kustomization
    // that depends on External Secrets: the cycle runs through that dependsOn.
    String fixture =
        ESO_ON_CEPH
                .replace(
                    "  path: ./infra/external-secrets\n",
                    "  path: ./infra/external-secrets\n  wait: true\n")
                .replace(
                    "  path: ./infra/ceph-csi\n  sourceRef: {kind: GitRepository, name: flux-system}\n"
                        + "  decryption: {provider: sops, secretRef: {name: sops-age}}\n"
                        + "  dependsOn:\n    - name: stores\n",
                    "  path: ./infra/ceph-csi\n  sourceRef: {kind: GitRepository, name: flux-system}\n"
                        + "  decryption: {provider: sops, secretRef: {name: sops-age}}\n"
                        + "---\n"
                        + kustomization(
                            "ceph-secrets",
                            "./infra/ceph-secrets",
                            "dependsOn:\n  - name: external-secrets\n  - name: stores\n"))
                .replace(
                    "#- infra/external-secrets/pvc.yaml\n", "#- infra/external-secrets/pvc.yaml\n")
            + CEPH_CREDENTIALS_FROM_EXTERNAL_SECRET.replace(
                "#- infra/ceph-csi/externalsecret.yaml",
                "#- infra/ceph-secrets/externalsecret.yaml");
    List<Finding> findings = Fixture.of(fixture).findings("bootstrap-deadlock");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("infra/ceph-secrets/externalsecret.yaml", findings.get(0).file());
    assertTrue(
        findings
            .get(0)
            .message()
            .contains(
                "Kustomization flux-system/ceph-secrets is applied only once Kustomization flux-system/external-secrets is Ready (dependsOn flux-system/external-secrets"),
        findings.get(0).message());
    assertTrue(
        findings
            .get(0)
            .message()
            .contains(
                "Kustomization flux-system/external-secrets is Ready only once PersistentVolumeClaim external-secrets/cache is bound (wait: true waits for PersistentVolumeClaim"),
        findings.get(0).message());
    assertEquals(List.of(), Fixture.of(fixture).findings("dependency-cycle"));
  }

  @Test
  void staysSilentWhenStorageCredentialsAreInSops() {
    assertFindings(
        ESO_ON_CEPH
            + "#- infra/ceph-csi/secret.sops.yaml\n"
            + TOKEN_IN_SOPS
                .replace("name: connect-token", "name: ceph-secret")
                .replace("namespace: external-secrets", "namespace: storage"),
        "bootstrap-deadlock",
        "infrastructure-secret-in-external-secret");
  }

  /** The Connect token comes through the very store it opens. */
  static final String TOKEN_THROUGH_ITS_OWN_STORE =
      ROOT
          + "#- apps/external-secrets.yaml\n"
          + kustomization("external-secrets", "./infra/external-secrets", "")
          + "---\n"
          + kustomization("stores", "./infra/stores", "dependsOn:\n  - name: external-secrets\n")
          + "#- infra/external-secrets/helmrelease.yaml\n"
          + helmRelease("external-secrets", "external-secrets", "external-secrets", "")
          + "#- infra/stores/store.yaml\n"
          + STORE
          + "#- infra/stores/token.yaml\n"
          + """
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: connect-token
          #       ^^^^^^^^^^^^^ error[bootstrap-deadlock]: ClusterSecretStore onepassword is served by External Secrets only once Secret external-secrets/connect-token exists (its credentials are in Secret connect-token
            namespace: external-secrets
          spec:
            secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          """;

  @Test
  void reportsAStoreWhoseTokenComesThroughThatSameStore() {
    assertFindings(
        TOKEN_THROUGH_ITS_OWN_STORE,
        "bootstrap-deadlock",
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void leavesATokenSeededByABootstrapTemplateToThePlacementRule() {
    // `op inject` renders the token from 1Password before Flux runs: the cluster starts, but only
    // while the provider is reachable.
    String fixture =
        TOKEN_THROUGH_ITS_OWN_STORE.replace(
                "#       ^^^^^^^^^^^^^ error[bootstrap-deadlock]: ClusterSecretStore onepassword is served by External Secrets only once Secret external-secrets/connect-token exists (its credentials are in Secret connect-token\n",
                "#       ^^^^^^^^^^^^^ warning[infrastructure-secret-in-external-secret]: Only a bootstrap step outside Git (bootstrap/templates/connect-token.yaml.j2:4) keeps this cluster starting\n")
            + """
            #- bootstrap/templates/connect-token.yaml.j2
            apiVersion: v1
            kind: Secret
            metadata:
              name: connect-token
              namespace: external-secrets
            stringData:
              token: "{{ op://kubernetes/connect/token }}"
            """;
    assertFindings(fixture, "bootstrap-deadlock", "infrastructure-secret-in-external-secret");
  }

  /** One Kustomization applies the operator, its CRDs, its store and every consumer. */
  static final String FLAT =
      ROOT.replace(
              "  path: ./apps\n",
              "  path: ./apps\n  decryption: {provider: sops, secretRef: {name: sops-age}}\n")
          + "#- apps/crds.yaml\n"
          + """
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata:
            name: externalsecrets.external-secrets.io
          spec:
            group: external-secrets.io
            names: {kind: ExternalSecret, plural: externalsecrets}
            scope: Namespaced
          """
          + "#- apps/external-secrets.yaml\n"
          + helmRelease("external-secrets", "external-secrets", "external-secrets", "")
          + "#- apps/store.yaml\n"
          + STORE
          + "#- apps/token.sops.yaml\n"
          + TOKEN_IN_SOPS
          + "#- apps/paperless.yaml\n"
          + helmRelease(
              "paperless",
              "default",
              "paperless",
              "valuesFrom:\n  - kind: Secret\n    name: paperless-secret\n")
          + "---\n"
          + """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: worker
            namespace: default
          spec:
            template:
              spec:
                containers:
                  - name: worker
                    envFrom:
                      - secretRef: {name: paperless-secret}
          ---
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: paperless-secret
            namespace: default
          spec:
            secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          """;

  @Test
  void staysSilentOnAFlatLayoutThatAppliesEverythingInOnePass() {
    assertFindings(
        FLAT,
        "bootstrap-deadlock",
        "infrastructure-secret-in-external-secret",
        "custom-resource-before-crd",
        "dependency-cycle");
  }

  @Test
  void reportsTheOperatorsKustomizationWaitingForAConsumerOfAStoreThatWaitsForIt() {
    // wait: true makes external-secrets Ready only once the worker starts; the worker's Secret
    // comes from a store applied after external-secrets is Ready.
    String fixture =
        ROOT
            + "#- apps/external-secrets.yaml\n"
            + kustomization("external-secrets", "./infra/external-secrets", "wait: true\n")
            + "---\n"
            + kustomization("stores", "./infra/stores", "dependsOn:\n  - name: external-secrets\n")
            + "#- infra/external-secrets/helmrelease.yaml\n"
            + helmRelease("external-secrets", "external-secrets", "external-secrets", "")
            + "#- infra/external-secrets/worker.yaml\n"
            + """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
              namespace: external-secrets
            spec:
              template:
                spec:
                  containers:
                    - name: worker
                      envFrom:
                        - secretRef: {name: worker-secret}
            """
            + "#- infra/stores/store.yaml\n"
            + STORE
            + "#- infra/stores/token.sops.yaml\n"
            + TOKEN_IN_SOPS
            + "#- infra/stores/worker-secret.yaml\n"
            + """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: worker-secret
            #       ^^^^^^^^^^^^^ error[bootstrap-deadlock]: Kustomization flux-system/external-secrets is Ready only once Deployment external-secrets/worker starts (wait: true waits for Deployment external-secrets/worker
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """;
    assertFindings(fixture, "bootstrap-deadlock", "dependency-cycle");
    // Without wait, Flux calls external-secrets Ready once applied: the worker converges later.
    assertFindings(
        fixture
            .replace("  wait: true\n", "")
            .replaceAll("#\\s+\\^+ error\\[bootstrap-deadlock].*\n", ""),
        "bootstrap-deadlock");
  }

  @Test
  void reportsABuildThatSubstitutesFromASecretOnlyItsOwnExternalSecretMakes() {
    String fixture =
        ROOT
            + "#- apps/external-secrets.yaml\n"
            + kustomization("external-secrets", "./infra/external-secrets", "")
            + "---\n"
            + kustomization("stores", "./infra/stores", "dependsOn:\n  - name: external-secrets\n")
            + "---\n"
            + """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: settings
              namespace: flux-system
            spec:
              path: ./infra/settings
              sourceRef: {kind: GitRepository, name: flux-system}
              dependsOn:
                - name: stores
              postBuild:
                substituteFrom:
                  - kind: Secret
                    name: cluster-secrets
            #             ^^^^^^^^^^^^^^^ error[bootstrap-deadlock]: Kustomization flux-system/settings needs, to build, what only it or something waiting for it creates
            """
            + "#- infra/external-secrets/helmrelease.yaml\n"
            + helmRelease("external-secrets", "external-secrets", "external-secrets", "")
            + "#- infra/stores/store.yaml\n"
            + STORE
            + "#- infra/stores/token.sops.yaml\n"
            + TOKEN_IN_SOPS
            + "#- infra/settings/cluster-secrets.yaml\n"
            + """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: cluster-secrets
              namespace: flux-system
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """;
    assertFindings(fixture, "bootstrap-deadlock");
    // Optional, the build goes ahead without it and the ExternalSecret fills it in.
    assertFindings(
        fixture
            .replace(
                "        name: cluster-secrets\n",
                "        name: cluster-secrets\n        optional: true\n")
            .replaceAll("#\\s+\\^+ error\\[bootstrap-deadlock].*\n", ""),
        "bootstrap-deadlock");
  }

  @Test
  void neverReportsANotificationProviderSecret() {
    assertFindings(
        TOKEN_THROUGH_ITS_OWN_STORE.substring(
                0, TOKEN_THROUGH_ITS_OWN_STORE.indexOf("#- infra/stores/token.yaml"))
            + "#- infra/stores/token.sops.yaml\n"
            + TOKEN_IN_SOPS
            + """
            #- infra/stores/provider.yaml
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Provider
            metadata:
              name: discord
              namespace: external-secrets
            spec:
              type: discord
              secretRef:
                name: discord-webhook
            #- infra/stores/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: discord-webhook
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "bootstrap-deadlock",
        "infrastructure-secret-in-external-secret");
  }
}
