package dev.strata.analysis;

import static dev.strata.analysis.SecretFixtures.kustomization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.Fixture;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterFactsTest {
  private static ObjectId ks(String name) {
    return ObjectId.kustomization("flux-system", name);
  }

  private static ClusterFacts facts(String fixture) {
    Analysis analysis = Fixture.of(fixture).analysis();
    return analysis.facts(analysis.clusters().get(0));
  }

  private static final String ROOT =
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
          + "#- clusters/home/ks.yaml\n"
          + kustomization("eso", "./eso")
          + "---\n"
          + kustomization("platform", "./platform")
          + "---\n"
          + kustomization("app", "./app")
          + """
            postBuild:
              substitute:
                STORE_NAMESPACE: team
              substituteFrom:
                - kind: Secret
                  name: cluster-secrets
                - kind: ConfigMap
                  name: cluster-settings
          """;

  @Test
  void recognisesTheOperatorByTheLastSegmentOfItsOciChartUrl() {
    ClusterFacts facts =
        facts(
            ROOT
                + """
                #- eso/ocirepository.yaml
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: OCIRepository
                metadata:
                  name: eso-chart
                  namespace: external-secrets
                spec:
                  url: oci://ghcr.io/external-secrets/charts/external-secrets
                #- eso/helmrelease.yaml
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: eso
                  namespace: external-secrets
                spec:
                  chartRef: {kind: OCIRepository, name: eso-chart}
                #- platform/connect.yaml
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: onepassword
                  namespace: external-secrets
                spec:
                  chart:
                    spec:
                      chart: connect
                      sourceRef: {kind: HelmRepository, name: onepassword}
                """);
    assertEquals(Set.of(ks("eso")), facts.operators());
    assertEquals(Set.of(ks("platform")), facts.connectServers());
  }

  @Test
  void readsSecretsFromStoresIssuersCsiParametersAndFluxFields() {
    ClusterFacts facts =
        facts(
            ROOT
                + """
                #- platform/objects.yaml
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata:
                  name: vault
                  namespace: team
                spec:
                  provider:
                    vault:
                      auth:
                        tokenSecretRef: {name: vault-token, key: token, namespace: ignored}
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata:
                  name: ca
                spec:
                  ca:
                    secretName: root-ca
                #- app/storageclass.yaml
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: cephfs
                parameters:
                  csi.storage.k8s.io/node-stage-secret-name: ceph-node
                  csi.storage.k8s.io/node-stage-secret-namespace: ${STORE_NAMESPACE}
                #- app/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: default
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          envFrom:
                            - secretRef:
                                name: web-${STORE_NAMESPACE}
                            - secretRef:
                                name: ${UNKNOWN}-secret
                """);
    List<String> uses =
        facts.uses().stream()
            .map(
                u ->
                    u.namespace().orElse("*")
                        + "/"
                        + u.name()
                        + " "
                        + u.role()
                        + " "
                        + u.describe())
            .toList();
    assertTrue(
        uses.contains("team/vault-token INFRASTRUCTURE SecretStore team/vault (store credentials)"),
        uses.toString());
    assertTrue(
        uses.contains("*/root-ca INFRASTRUCTURE ClusterIssuer ca (CA key of the issuer)"),
        uses.toString());
    assertTrue(
        uses.contains("team/ceph-node INFRASTRUCTURE StorageClass cephfs (CSI secret)"),
        uses.toString());
    assertTrue(
        uses.contains(
            "flux-system/cluster-secrets WORKLOAD Kustomization flux-system/app (postBuild.substituteFrom)"),
        uses.toString());
    assertTrue(
        uses.contains(
            "flux-system/sops-age INFRASTRUCTURE Kustomization flux-system/app (SOPS decryption keys)"),
        uses.toString());
    assertTrue(
        uses.contains("default/web-team WORKLOAD Deployment default/web (container environment)"),
        uses.toString());
    assertTrue(
        uses.stream()
            .noneMatch(
                u ->
                    u.contains("cluster-settings")
                        || u.contains("UNKNOWN")
                        || u.contains("-secret ")),
        uses.toString());
  }

  @Test
  void readsTheVaultCredentialsOfAClusterIssuerInAnyNamespace() {
    ClusterFacts facts =
        facts(
            ROOT
                + """
                #- platform/issuer.yaml
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata:
                  name: vault
                spec:
                  vault:
                    auth:
                      tokenSecretRef: {name: vault-token, key: token}
                ---
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata:
                  name: vault
                  namespace: team
                spec:
                  vault:
                    auth:
                      kubernetes:
                        secretRef: {name: vault-sa, key: token}
                """);
    List<String> uses =
        facts.uses().stream()
            .map(u -> u.namespace().orElse("*") + "/" + u.name() + " " + u.describe())
            .toList();
    assertTrue(
        uses.contains("*/vault-token ClusterIssuer vault (Vault credentials of the issuer)"),
        uses.toString());
    assertTrue(
        uses.contains("team/vault-sa Issuer team/vault (Vault credentials of the issuer)"),
        uses.toString());
  }

  @Test
  void fansAClusterExternalSecretOutToItsNamespaces() {
    ClusterFacts facts =
        facts(
            ROOT
                + """
                #- app/registry.yaml
                apiVersion: external-secrets.io/v1
                kind: ClusterExternalSecret
                metadata:
                  name: registry
                spec:
                  externalSecretName: registry-credentials
                  namespaces: [default, team]
                  externalSecretSpec:
                    secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
                ---
                apiVersion: external-secrets.io/v1
                kind: ClusterExternalSecret
                metadata:
                  name: everywhere
                spec:
                  namespaceSelectors:
                    - matchLabels: {shared: "true"}
                  externalSecretSpec:
                    secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
                    target: {name: shared}
                """);
    List<String> sources =
        facts.sources().stream()
            .map(s -> s.qualifiedName() + " " + s.mechanism() + " " + s.store().orElse("-"))
            .toList();
    assertEquals(
        List.of(
            "default/registry-credentials EXTERNAL_SECRET onepassword",
            "team/registry-credentials EXTERNAL_SECRET onepassword",
            "shared EXTERNAL_SECRET onepassword"),
        sources);
  }

  @Test
  void turnsUsesAcrossKustomizationsIntoNeeds() {
    Analysis analysis =
        Fixture.of(
                ROOT
                    + """
                #- platform/objects.yaml
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata:
                  name: letsencrypt
                spec:
                  acme:
                    privateKeySecretRef: {name: letsencrypt-account}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: fast
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata:
                  name: charts
                  namespace: flux-system
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: cluster-secrets
                  namespace: flux-system
                stringData:
                  DOMAIN: ${DOMAIN}
                #- app/objects.yaml
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: web
                  namespace: default
                spec:
                  issuerRef: {kind: ClusterIssuer, name: letsencrypt}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: default
                  annotations:
                    cert-manager.io/cluster-issuer: letsencrypt
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                  namespace: default
                spec:
                  volumeClaimTemplates:
                    - spec:
                        storageClassName: fast
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: web
                  namespace: default
                spec:
                  chart:
                    spec:
                      chart: web
                      sourceRef: {kind: HelmRepository, name: charts, namespace: flux-system}
                """)
            .analysis();
    ClusterFacts facts = analysis.facts(analysis.clusters().get(0));
    // The Kustomization's own substituteFrom is its own need, not its parent's.
    List<String> needs =
        analysis.needs(analysis.clusters().get(0)).crossings(ks("app")).stream()
            .map(
                n ->
                    n.consumer().id().kind()
                        + " "
                        + n.consumer().id().name()
                        + " -> "
                        + n.provider().name()
                        + ": "
                        + n.what())
            .toList();
    assertEquals(
        List.of(
            "Certificate web -> platform: ClusterIssuer letsencrypt",
            "HelmRelease web -> platform: HelmRepository flux-system/charts",
            "Ingress web -> platform: ClusterIssuer letsencrypt",
            "Kustomization app -> platform: Secret flux-system/cluster-secrets",
            "StatefulSet db -> platform: StorageClass fast"),
        needs.stream().filter(n -> n.contains("-> platform")).sorted().toList(),
        needs.toString());
    assertEquals(
        Optional.of("applies ClusterIssuer letsencrypt"), facts.infrastructure(ks("platform")));
    assertEquals(Optional.empty(), facts.infrastructure(ks("app")));
  }

  @Test
  void walksAnUnchangedFileForSecretFieldsOncePerVersionOfTheFile() {
    String path = "workloads/web/deployment.yaml";
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  envFrom:
                    - secretRef:
                        name: web-secret
        """;
    Snapshot first =
        Fixture.of(SecretFixtures.LAYERED).snapshot().withFile(SourceFile.parse(path, deployment));
    SourceFile file = first.file(path).orElseThrow();
    var manifest = file.manifests().get(0);
    List<SecretFields.Match> before = SecretFields.matches(Optional.of(file), manifest);
    assertEquals(List.of("web-secret"), before.stream().map(m -> m.name().value()).toList());

    Snapshot edited =
        first.withFile(SourceFile.parse("workloads/paperless/pvc.yaml", "# emptied\n"));
    assertSame(before, SecretFields.matches(edited.file(path), manifest));

    SourceFile changed = SourceFile.parse(path, deployment);
    List<SecretFields.Match> after =
        SecretFields.matches(Optional.of(changed), changed.manifests().get(0));
    assertNotSame(before, after);
    assertEquals(1, after.size());
  }
}
