package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Loader;
import dev.strata.workspace.ObjectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayersTest {
  private static ObjectId ks(String name) {
    return ObjectId.kustomization("flux-system", name);
  }

  private static Layers layers(String fixture) {
    Analysis analysis = Fixture.of(fixture).analysis();
    return analysis.layers(analysis.clusters().get(0));
  }

  @Test
  void bootstrapSetHoldsTheOperatorItsStoresTheConnectServerTheRootAndWhatTheyDependOn() {
    Layers layers = layers(SecretFixtures.LAYERED);
    for (String name :
        List.of(
            "flux-system",
            "apps",
            "external-secrets",
            "stores",
            "onepassword-connect",
            "ceph-csi")) {
      assertEquals(Layer.BOOTSTRAP, layers.of(ks(name)), name);
    }
    assertEquals(Layer.APPLICATION, layers.of(ks("paperless")));
  }

  @Test
  void explainsEachMemberFromItsSeed() {
    Layers layers = layers(SecretFixtures.LAYERED);
    assertEquals(
        Optional.of(
            "Kustomization flux-system/external-secrets installs the External Secrets operator"),
        layers.explain(ks("external-secrets")));
    assertEquals(
        Optional.of("Kustomization flux-system/stores applies ClusterSecretStore onepassword"),
        layers.explain(ks("stores")));
    assertEquals(
        Optional.of(
            "Kustomization flux-system/onepassword-connect runs the 1Password Connect server"),
        layers.explain(ks("onepassword-connect")));
    assertEquals(
        Optional.of("Kustomization flux-system/apps is applied by the cluster's root"),
        layers.explain(ks("apps")));
    assertEquals(
        Optional.of(
            "Kustomization flux-system/external-secrets installs the External Secrets operator, and flux-system/external-secrets depends on flux-system/ceph-csi"),
        layers.explain(ks("ceph-csi")));
    assertEquals(List.of(ks("external-secrets"), ks("ceph-csi")), layers.chain(ks("ceph-csi")));
    assertEquals(Optional.empty(), layers.explain(ks("paperless")));
  }

  @Test
  void followsWhatAMemberUsesAsWellAsItsDependsOn() {
    // External Secrets keeps its state on a cephfs volume but forgot the dependsOn: storage is
    // still bootstrap.
    String fixture =
        SecretFixtures.LAYERED.replace("  dependsOn:\n    - name: ceph-csi\n", "")
            + "#- infra/external-secrets/pvc.yaml\n"
            + """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: state
              namespace: external-secrets
            spec:
              storageClassName: cephfs
            """;
    Layers layers = layers(fixture);
    assertEquals(Layer.BOOTSTRAP, layers.of(ks("ceph-csi")));
    assertEquals(
        Optional.of(
            "Kustomization flux-system/external-secrets installs the External Secrets operator, and flux-system/external-secrets uses StorageClass cephfs from flux-system/ceph-csi"),
        layers.explain(ks("ceph-csi")));
  }

  @Test
  void rootAppliedKustomizationsCountOnlyTheirOwnFields() {
    Layers layers = layers(SecretFixtures.LAYERED);
    assertTrue(layers.functional(ks("external-secrets")));
    assertTrue(layers.functional(ks("ceph-csi")));
    assertFalse(layers.functional(ks("apps")));
    assertFalse(layers.functional(ks("flux-system")));
  }

  @Test
  void storageThatNothingBootstrapNeedsIsInfrastructureNotBootstrap() {
    Layers layers =
        layers(SecretFixtures.LAYERED.replace("  dependsOn:\n    - name: ceph-csi\n", ""));
    assertEquals(Layer.INFRASTRUCTURE, layers.of(ks("ceph-csi")));
    assertEquals(Optional.empty(), layers.explain(ks("ceph-csi")));
  }

  @Test
  void namespacesAndPathsInStrataYamlAreInfrastructure() {
    String fixture =
        SecretFixtures.LAYERED
            + "#- apps/monitoring.yaml\n"
            + SecretFixtures.kustomization("monitoring", "./platform/monitoring")
            + "#- apps/other.yaml\n"
            + SecretFixtures.kustomization("other", "./workloads/other")
                .replace("namespace: flux-system", "namespace: tools")
            + """
            #- platform/monitoring/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: grafana
              namespace: monitoring
            #- .strata.yaml
            layers:
              infrastructure:
                namespaces: [tools]
                paths: ["platform/**"]
            """;
    Layers layers = layers(fixture);
    assertEquals(Layer.INFRASTRUCTURE, layers.of(ks("monitoring")));
    assertEquals(Layer.INFRASTRUCTURE, layers.of(ObjectId.kustomization("tools", "other")));
    assertEquals(Layer.APPLICATION, layers.of(ks("paperless")));
  }

  @Test
  void anObjectTakesTheLayerOfItsKustomization() {
    Analysis analysis = Fixture.of(SecretFixtures.LAYERED).analysis();
    Cluster cluster = analysis.clusters().get(0);
    Layers layers = analysis.layers(cluster);
    assertEquals(
        Layer.BOOTSTRAP,
        layers.of(cluster.find(new ObjectId("StorageClass", "", "cephfs")).get(0)));
    assertEquals(
        Layer.APPLICATION,
        layers.of(cluster.find(new ObjectId("ExternalSecret", "default", "paperless")).get(0)));
  }

  @Test
  void aCorrectlyLayeredRepositoryHasNoFindingAtWarningOrAbove() throws Exception {
    assertEquals(List.of(), atWarningOrAbove(Fixture.of(SecretFixtures.LAYERED).analysis()));
    Path examples = Path.of(System.getProperty("strata.examples", "../examples"));
    assertEquals(
        List.of(), atWarningOrAbove(new Analysis(Loader.load(examples.resolve("layered")))));
  }

  @Test
  void theBrokenExampleIsCaught() throws Exception {
    Path examples = Path.of(System.getProperty("strata.examples", "../examples"));
    List<String> rules =
        atWarningOrAbove(new Analysis(Loader.load(examples.resolve("broken")))).stream()
            .map(Finding::rule)
            .toList();
    assertTrue(rules.contains("bootstrap-deadlock"), rules.toString());
  }

  private static List<Finding> atWarningOrAbove(Analysis analysis) {
    return Analyzer.standard(
            (rule, e) -> {
              throw e;
            })
        .analyze(analysis)
        .stream()
        .filter(f -> f.severity().compareTo(Severity.WARNING) <= 0)
        .toList();
  }

  @Test
  void aStoreWhoseTokenComesThroughAnotherStoreIsNotBootstrap() {
    String fixture =
        SecretFixtures.LAYERED
            + "#- apps/vault.yaml\n"
            + SecretFixtures.kustomization("vault-store", "./infra/vault", "stores")
            + "#- infra/vault/store.yaml\n"
            + """
            apiVersion: external-secrets.io/v1
            kind: SecretStore
            metadata:
              name: vault
              namespace: team
            spec:
              provider:
                vault:
                  server: https://vault.example.com
                  auth:
                    tokenSecretRef: {name: vault-token, key: token}
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: vault-token
              namespace: team
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
              target:
                name: vault-token
            """;
    Analysis analysis = Fixture.of(fixture).analysis();
    Layers layers = analysis.layers(analysis.clusters().get(0));
    assertFalse(layers.bootstrap(ks("vault-store")));
    assertTrue(Fixture.of(fixture).findings("bootstrap-deadlock").isEmpty());
  }

  @Test
  void theRootsLeafKustomizationsInAFlatLayoutAreNotBootstrap() {
    String fixture =
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
            + "#- clusters/home/apps.yaml\n"
            + SecretFixtures.kustomization("apps", "./apps")
            + "#- apps/deployment.yaml\n"
            + """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            """;
    Layers layers = layers(fixture);
    assertEquals(Layer.APPLICATION, layers.of(ks("apps")));
    assertTrue(layers.bootstrap(ks("flux-system")));
  }
}
