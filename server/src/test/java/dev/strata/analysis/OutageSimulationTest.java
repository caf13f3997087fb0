package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.Fixture;
import dev.strata.workspace.ObjectId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutageSimulationTest {
  private static ObjectId ks(String name) {
    return ObjectId.kustomization("flux-system", name);
  }

  private static OutageSimulation simulate(String fixture) {
    Analysis analysis = Fixture.of(fixture).analysis();
    return new OutageSimulation(analysis, analysis.clusters().get(0));
  }

  @Test
  void aLayeredClusterOnlyLosesTheApplicationsThatReadExternalSecrets() {
    OutageSimulation simulation = simulate(SecretFixtures.LAYERED);
    assertEquals(List.of(ks("paperless")), List.copyOf(simulation.blocked().keySet()));
    assertEquals(
        List.of(
            "flux-system/paperless HelmRelease default/paperless (valuesFrom) needs Secret default/paperless-secret, which only ExternalSecret default/paperless produces"),
        simulation.chain(ks("paperless")));
    assertTrue(
        simulation
            .ready()
            .containsAll(
                List.of(
                    ks("external-secrets"),
                    ks("stores"),
                    ks("ceph-csi"),
                    ks("onepassword-connect"),
                    ks("apps"))));
    assertFalse(simulation.bootstrapBlocked());
  }

  @Test
  void storageCredentialsFromAnExternalSecretBlockTheBootstrapChain() {
    OutageSimulation simulation = simulate(SecretFixtures.BROKEN);
    assertEquals(
        new OutageSimulation.Blocked(
            ks("ceph-csi"),
            "StorageClass cephfs (CSI secret) needs Secret storage/ceph-csi-secret, which only ExternalSecret storage/ceph-csi-secret produces",
            Optional.empty()),
        simulation.blocked().get(ks("ceph-csi")));
    assertEquals(
        List.of(
            "flux-system/stores depends on flux-system/external-secrets",
            "flux-system/external-secrets depends on flux-system/ceph-csi",
            "flux-system/ceph-csi StorageClass cephfs (CSI secret) needs Secret storage/ceph-csi-secret, which only ExternalSecret storage/ceph-csi-secret produces"),
        simulation.chain(ks("stores")));
    assertTrue(simulation.blocked().containsKey(ks("paperless")));
    assertFalse(simulation.blocked().containsKey(ks("onepassword-connect")));
    assertTrue(simulation.ready().contains(ks("onepassword-connect")));
    assertTrue(simulation.bootstrapBlocked());
    assertEquals(Layer.BOOTSTRAP, simulation.layer(ks("ceph-csi")));
  }

  @Test
  void blocksWhatUsesABlockedProviderWithoutDependingOnIt() {
    // External Secrets forgot its dependsOn on storage but keeps its state on a cephfs volume.
    String fixture =
        SecretFixtures.BROKEN.replace("  dependsOn:\n    - name: ceph-csi\n", "")
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
    OutageSimulation simulation = simulate(fixture);
    assertEquals(
        Optional.of("uses StorageClass cephfs from flux-system/ceph-csi"),
        Optional.ofNullable(simulation.blocked().get(ks("external-secrets")))
            .map(OutageSimulation.Blocked::reason));
    assertTrue(simulation.bootstrapBlocked());
  }

  @Test
  void aSecretAlsoInGitDoesNotBlock() {
    String fixture =
        SecretFixtures.BROKEN
            + "#- infra/ceph-csi/secret.sops.yaml\n"
            + SecretFixtures.sopsSecret("ceph-csi-secret", "storage", "userKey");
    assertFalse(simulate(fixture).blocked().containsKey(ks("ceph-csi")));
  }

  @Test
  void notificationCredentialsNeverBlock() {
    String fixture =
        SecretFixtures.LAYERED
            + "#- infra/external-secrets/provider.yaml\n"
            + """
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Provider
            metadata:
              name: discord
              namespace: external-secrets
            spec:
              type: discord
              secretRef:
                name: discord-webhook
            """
            + "#- infra/external-secrets/externalsecret.yaml\n"
            + """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: discord-webhook
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """;
    OutageSimulation simulation = simulate(fixture);
    assertFalse(simulation.blocked().containsKey(ks("external-secrets")));
    assertFalse(simulation.bootstrapBlocked());
  }

  @Test
  void anAnalysisSimulatesEachClusterOnceForEveryHoverAndCommand() {
    Analysis analysis = Fixture.of(SecretFixtures.BROKEN).analysis();
    var cluster = analysis.clusters().get(0);
    OutageSimulation first = analysis.outage(cluster);
    assertSame(first, analysis.outage(cluster));
    assertEquals(
        new OutageSimulation(analysis, cluster).blocked().keySet(), first.blocked().keySet());
  }
}
