package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Decryption;
import dev.strata.model.Located;
import dev.strata.testing.Fixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParentPatchesTest {
  private static final String CHILDREN =
      """
      #- kubernetes/apps/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: ceph-csi
        namespace: storage
        labels:
          layer: infrastructure
      spec:
        path: ./none
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: echo
        namespace: default
      spec:
        path: ./none
      ---
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: echo
        namespace: default
      """;

  private static AppliedKustomization child(String parentPatches, String namespace, String name) {
    String parent =
        """
        #- kubernetes/flux/cluster/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: cluster-apps
          namespace: flux-system
        spec:
          path: ./kubernetes/apps
          sourceRef: {kind: GitRepository, name: flux-system}
        """
            + parentPatches.indent(2);
    Cluster cluster =
        Fixture.of(parent + CHILDREN).analysis().snapshot().render().clusters().get(0);
    return cluster.kustomization(ObjectId.kustomization(namespace, name)).orElseThrow();
  }

  private static String secretName(AppliedKustomization kustomization) {
    return kustomization.decryption().flatMap(Decryption::secretRef).map(Located::value).orElse("");
  }

  @Test
  void injectsDecryptionIntoEveryKustomizationByKind() {
    String patches =
        """
        patches:
          - patch: |-
              apiVersion: kustomize.toolkit.fluxcd.io/v1
              kind: Kustomization
              metadata:
                name: not-used
              spec:
                decryption:
                  provider: sops
                  secretRef:
                    name: sops-age
            target:
              group: kustomize.toolkit.fluxcd.io
              kind: Kustomization
        """;
    AppliedKustomization ceph = child(patches, "storage", "ceph-csi");
    AppliedKustomization echo = child(patches, "default", "echo");
    assertTrue(ceph.decryption().orElseThrow().isSops());
    assertEquals("sops-age", secretName(ceph));
    assertEquals("sops-age", secretName(echo));
    assertEquals("kubernetes/flux/cluster/ks.yaml", ceph.decryptionOrigin().orElseThrow().file());
  }

  @Test
  void injectsDecryptionOnlyWhereTheLabelSelectorMatches() {
    String patches =
        """
        patches:
          - patch: |-
              - op: add
                path: /spec/decryption
                value:
                  provider: sops
                  secretRef:
                    name: sops-infra
            target:
              kind: Kustomization
              labelSelector: layer=infrastructure
        """;
    assertEquals("sops-infra", secretName(child(patches, "storage", "ceph-csi")));
    assertFalse(child(patches, "default", "echo").decryption().isPresent());
  }

  @Test
  void appliesAJson6902PatchTargetedByName() {
    String patches =
        """
        patches:
          - patch: |
              - op: add
                path: /spec/decryption
                value: {provider: sops, secretRef: {name: sops-gpg}}
            target:
              kind: Kustomization
              name: ech.*
        """;
    assertEquals("sops-gpg", secretName(child(patches, "default", "echo")));
    assertFalse(child(patches, "storage", "ceph-csi").decryption().isPresent());
  }

  @Test
  void ignoresPatchesForOtherKinds() {
    String patches =
        """
        patches:
          - patch: |
              - op: add
                path: /spec/decryption
                value: {provider: sops}
            target:
              kind: HelmRelease
        """;
    assertFalse(child(patches, "default", "echo").decryption().isPresent());
  }

  @Test
  void keepsTheChildsOwnDecryptionWithoutPatches() {
    Cluster cluster =
        Fixture.of(
                """
                #- kubernetes/flux/cluster/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: cluster-apps, namespace: flux-system}
                spec:
                  path: ./kubernetes/apps
                #- kubernetes/apps/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: echo, namespace: default}
                spec:
                  path: ./none
                  decryption:
                    provider: sops
                    secretRef: {name: own-key}
                """)
            .analysis()
            .snapshot()
            .render()
            .clusters()
            .get(0);
    AppliedKustomization echo =
        cluster.kustomization(ObjectId.kustomization("default", "echo")).orElseThrow();
    assertEquals(
        Optional.of("own-key"),
        echo.decryption().flatMap(Decryption::secretRef).map(Located::value));
    assertEquals("kubernetes/apps/ks.yaml", echo.decryptionOrigin().orElseThrow().file());
  }

  @Test
  void addsPatchedVariablesToTheChildsSubstitution() {
    String patches =
        """
        patches:
          - patch: |
              - op: add
                path: /spec/postBuild
                value: {substitute: {CLUSTER: home}}
            target:
              kind: Kustomization
        """;
    assertEquals("home", child(patches, "default", "echo").postBuild().substitute().get("CLUSTER"));
  }

  private static final String CLUSTER_APPS =
      """
      #- kubernetes/flux/cluster/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: cluster-apps
        namespace: flux-system
      spec:
        path: ./kubernetes/apps
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  private static AppliedKustomization overlayChild(String overlay, String extraFiles) {
    Cluster cluster =
        Fixture.of(
                CLUSTER_APPS
                    + "#- kubernetes/apps/kustomization.yaml\n"
                    + overlay
                    + CHILDREN
                    + extraFiles)
            .analysis()
            .snapshot()
            .render()
            .clusters()
            .get(0);
    return cluster.kustomization(ObjectId.kustomization("storage", "ceph-csi")).orElseThrow();
  }

  @Test
  void injectsDecryptionFromAnInlinePatchOfTheOverlayThatListsTheKustomization() {
    AppliedKustomization child =
        overlayChild(
            """
            resources: [ks.yaml]
            patches:
              - patch: |-
                  - op: add
                    path: /spec/decryption
                    value: {provider: sops, secretRef: {name: overlay-age}}
                target:
                  group: kustomize.toolkit.fluxcd.io
                  kind: Kustomization
            """,
            "");
    assertEquals("overlay-age", secretName(child));
    assertEquals(
        "kubernetes/apps/kustomization.yaml", child.decryptionOrigin().orElseThrow().file());
  }

  @Test
  void injectsDecryptionFromAPatchFileTheOverlayNames() {
    AppliedKustomization child =
        overlayChild(
            """
            resources: [ks.yaml]
            patchesStrategicMerge: [decryption-patch.yaml]
            """,
            """
            #- kubernetes/apps/decryption-patch.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph-csi
              namespace: storage
            spec:
              decryption:
                provider: sops
                secretRef:
                  name: file-age
            """);
    assertEquals("file-age", secretName(child));
  }

  @Test
  void letsTheParentsSpecPatchesWinOverTheOverlays() {
    String parentPatch =
        """
          patches:
            - patch: |-
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: any
                spec:
                  decryption: {provider: sops, secretRef: {name: parent-age}}
              target:
                kind: Kustomization
        """;
    Cluster cluster =
        Fixture.of(
                CLUSTER_APPS
                    + parentPatch
                    + "#- kubernetes/apps/kustomization.yaml\n"
                    + """
                    resources: [ks.yaml]
                    patches:
                      - patch: |-
                          - op: add
                            path: /spec/decryption
                            value: {provider: sops, secretRef: {name: overlay-age}}
                        target:
                          kind: Kustomization
                    """
                    + CHILDREN)
            .analysis()
            .snapshot()
            .render()
            .clusters()
            .get(0);
    assertEquals(
        "parent-age",
        secretName(
            cluster.kustomization(ObjectId.kustomization("storage", "ceph-csi")).orElseThrow()));
  }
}
