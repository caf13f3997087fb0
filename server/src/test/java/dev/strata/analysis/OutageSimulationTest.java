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

  /**
   * Storage credentials from an ExternalSecret, External Secrets not on storage, and an application
   * whose claim is on that storage.
   */
  private static final String MEDIA =
      SecretFixtures.BROKEN.replace("  dependsOn:\n    - name: ceph-csi\n", "")
          + "#- apps/media.yaml\n"
          + SecretFixtures.kustomization("media", "./workloads/media", "ceph-csi")
          + "#- workloads/media/pvc.yaml\n"
          + """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: media
            namespace: default
          spec:
            storageClassName: cephfs
          """;

  @Test
  void aLayeredClusterOnlyLosesTheApplicationsThatReadExternalSecrets() {
    OutageSimulation simulation = simulate(SecretFixtures.LAYERED);
    assertEquals(List.of(ks("paperless")), List.copyOf(simulation.blocked().keySet()));
    OutageSimulation.Blocked paperless = simulation.blocked().get(ks("paperless"));
    assertFalse(paperless.withProvider());
    assertEquals(
        List.of(
            "it applies HelmRelease default/paperless, which never becomes Ready",
            "HelmRelease default/paperless is installed only once Secret default/paperless-secret"
                + " exists (valuesFrom needs Secret paperless-secret)",
            "Secret default/paperless-secret exists only once Secret default/paperless-secret from"
                + " its ExternalSecret is made (ExternalSecret default/paperless makes it)",
            "Secret default/paperless-secret from its ExternalSecret is made only once"
                + " ClusterSecretStore onepassword is served by External Secrets (ExternalSecret"
                + " default/paperless reads it through ClusterSecretStore onepassword)",
            "the outage stops that"),
        paperless.steps());
    assertEquals(List.of(paperless), simulation.chain(ks("paperless")));
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
    assertEquals(List.of(), simulation.infrastructure());
    assertFalse(simulation.bootstrapBlocked());
  }

  @Test
  void aKustomizationThatDoesNotWaitIsReadyButWhatItAppliesStillWaits() {
    // Storage credentials from an ExternalSecret, External Secrets not on storage: ceph-csi is
    // Ready once applied, but the claim media applies never binds in the outage, because the
    // StorageClass provisions with a Secret only the provider makes.
    OutageSimulation simulation = simulate(MEDIA);
    assertTrue(simulation.ready().contains(ks("ceph-csi")), simulation.blocked().toString());
    assertTrue(simulation.ready().contains(ks("external-secrets")));
    OutageSimulation.Blocked media = simulation.blocked().get(ks("media"));
    assertFalse(media.withProvider());
    assertEquals(
        List.of(
            "it applies PersistentVolumeClaim default/media, which never binds",
            "PersistentVolumeClaim default/media is bound only once Secret storage/ceph-csi-secret"
                + " exists (StorageClass cephfs provisions with Secret ceph-csi-secret)",
            "Secret storage/ceph-csi-secret exists only once Secret storage/ceph-csi-secret from"
                + " its ExternalSecret is made (ExternalSecret storage/ceph-csi-secret makes it)",
            "Secret storage/ceph-csi-secret from its ExternalSecret is made only once"
                + " ClusterSecretStore onepassword is served by External Secrets (ExternalSecret"
                + " storage/ceph-csi-secret reads it through ClusterSecretStore onepassword)",
            "the outage stops that"),
        media.steps());
    // Storage provisions with a Secret only the provider makes: the cluster cannot be rebuilt.
    assertEquals(
        List.of("storage/ceph-csi-secret for StorageClass cephfs (CSI secret)"),
        simulation.infrastructure().stream()
            .map(
                n ->
                    n.use().namespace().orElse("")
                        + "/"
                        + n.use().name()
                        + " for "
                        + n.use().describe())
            .toList());
    assertFalse(simulation.deadlocked());
    assertTrue(simulation.bootstrapBlocked());
  }

  @Test
  void aCycleThroughTheCrdsOfExternalSecretsNeverComesUpEvenWithTheProvider() {
    // ceph-csi applies an ExternalSecret, whose CRD External Secrets installs only after
    // ceph-csi is Ready: ceph-csi's apply fails on a fresh cluster, whatever the provider does.
    OutageSimulation simulation = simulate(SecretFixtures.BROKEN);
    OutageSimulation.Blocked ceph = simulation.blocked().get(ks("ceph-csi"));
    assertTrue(ceph.withProvider(), ceph.toString());
    assertTrue(
        ceph.reason()
            .contains(
                "Kustomization flux-system/ceph-csi is applied only once the CRDs of"
                    + " external-secrets.io are installed"),
        ceph.reason());
    List<OutageSimulation.Blocked> chain = simulation.chain(ks("stores"));
    assertEquals(ks("stores"), chain.get(0).kustomization());
    assertEquals(Optional.of(ks("external-secrets")), chain.get(0).because());
    assertTrue(chain.stream().anyMatch(b -> b.kustomization().equals(ks("ceph-csi"))));
    assertTrue(simulation.blocked().containsKey(ks("paperless")));
    assertTrue(simulation.ready().contains(ks("onepassword-connect")));
    assertTrue(simulation.bootstrapBlocked());
    assertTrue(simulation.deadlocked());
    assertEquals(Layer.BOOTSTRAP, simulation.layer(ks("ceph-csi")));
  }

  @Test
  void blocksWhatUsesABlockedProviderWithoutDependingOnIt() {
    // External Secrets keeps its state on a cephfs volume whose credentials only it delivers:
    // never, even with the provider up.
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
    OutageSimulation.Blocked blocked = simulation.blocked().get(ks("external-secrets"));
    assertEquals(
        "it applies PersistentVolumeClaim external-secrets/state, which never binds",
        blocked.steps().get(0));
    assertTrue(
        blocked.reason().contains("StorageClass cephfs provisions with Secret ceph-csi-secret"),
        blocked.reason());
    assertTrue(simulation.bootstrapBlocked());
  }

  @Test
  void aSecretAlsoInGitDoesNotBlock() {
    String fixture =
        MEDIA
            + "#- infra/ceph-csi/secret.sops.yaml\n"
            + SecretFixtures.sopsSecret("ceph-csi-secret", "storage", "userKey");
    assertTrue(simulate(MEDIA).blocked().containsKey(ks("media")));
    assertFalse(simulate(fixture).blocked().containsKey(ks("media")));
  }

  @Test
  void notificationCredentialsNeverBlock() {
    String fixture =
        SecretFixtures.LAYERED
            + "#- infra/stores/provider.yaml\n"
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
            + "#- infra/stores/externalsecret.yaml\n"
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
    assertFalse(simulation.blocked().containsKey(ks("stores")));
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

  /**
   * A hover asks one Kustomization's chain of a fresh simulation, which judges only the
   * Kustomizations on it: the chain is the one the whole simulation gives.
   */
  @Test
  void aChainAskedFirstIsTheChainOfTheWholeSimulation() {
    for (String fixture : List.of(SecretFixtures.LAYERED, SecretFixtures.BROKEN, MEDIA)) {
      Analysis analysis = Fixture.of(fixture).analysis();
      var cluster = analysis.clusters().get(0);
      OutageSimulation whole = new OutageSimulation(analysis, cluster);
      assertFalse(whole.blocked().isEmpty() && whole.ready().isEmpty(), "nothing simulated");
      for (var kustomization : cluster.kustomizations()) {
        OutageSimulation lazy = new OutageSimulation(analysis, cluster);
        ObjectId id = kustomization.id();
        List<OutageSimulation.Blocked> chain = lazy.chain(id);
        assertEquals(whole.chain(id), chain, id.toString());
        assertEquals(whole.blocked().containsKey(id), !chain.isEmpty(), id.toString());
        assertEquals(whole.blocked(), lazy.blocked(), id.toString());
        assertEquals(whole.ready(), lazy.ready(), id.toString());
      }
    }
    assertTrue(simulate(MEDIA).blocked().size() > 1, "MEDIA blocks a chain");
  }
}
