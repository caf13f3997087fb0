package dev.strata.analysis.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The migration the design describes, on {@code examples/broken}: converting Ceph's ExternalSecret
 * ends the cycle.
 */
class ConvertBrokenExampleTest {
  private static final String APP = "kubernetes/apps/storage/ceph-csi/app/";

  @Test
  void convertingCephCredentialsToSopsBreaksTheDependencyCycle() throws IOException {
    Repo before = Repo.load(Path.of("..", "examples", "broken").toAbsolutePath().normalize());
    assertFalse(before.findings("dependency-cycle").isEmpty());
    Finding deadlock = before.finding("bootstrap-deadlock", APP + "externalsecret.yaml");
    Fix fix = before.fix(deadlock, "Convert to SOPS Secret");
    assertEquals(
        "Convert to SOPS Secret secret.sops.yaml (removes dependsOn on external-secrets/external-secrets-stores)",
        fix.title());
    Repo after = ConvertToSopsFixTest.convert(before, fix, APP + "secret.sops.yaml");
    after.assertSame(
        before.with(
            "#- "
                + APP
                + "secret.sops.yaml\n"
                + """
        apiVersion: v1
        kind: Secret
        metadata:
          name: ceph-csi-cephfs-secret
        type: Opaque
        stringData:
          adminID: "REPLACE_ME" # from onepassword key "ceph" property "admin_id"
          adminKey: "REPLACE_ME" # from onepassword key "ceph" property "admin_key"
        """
                + "#- "
                + APP
                + "kustomization.yaml\n"
                + """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ./ocirepository.yaml
          - ./helmrelease.yaml
          - ./secret.sops.yaml
          - ./storageclass.yaml
        #- kubernetes/apps/storage/ceph-csi/ks.yaml
        ---
        # Storage waits for the secret stores because its credentials come from an ExternalSecret.
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: ceph-csi
        spec:
          interval: 1h
          path: ./kubernetes/apps/storage/ceph-csi/app
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
            namespace: flux-system
          targetNamespace: storage
          decryption:
            provider: sops
            secretRef:
              name: sops-age
        """,
            APP + "externalsecret.yaml"));
    assertTrue(
        after.findings("dependency-cycle").isEmpty(),
        () -> after.findings("dependency-cycle").toString());
    assertTrue(after.findings("bootstrap-deadlock").isEmpty());
  }
}
