package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class DependencyCycleRuleTest {
  private static final String ROOT =
      """
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 1h
        path: ./apps
        prune: true
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  @Test
  void reportsCycleAcrossFilesAndNamespacesOnEveryEdge() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ./storage
              - ./secrets
            #- apps/storage/kustomization.yaml
            namespace: storage
            resources: [ks.yaml]
            #- apps/storage/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph
            spec:
              dependsOn:
                - name: eso
            #           ^^^ error[dependency-cycle]: secrets/eso -> storage/ceph -> secrets/eso
                  namespace: secrets
              path: ./none
            #- apps/secrets/kustomization.yaml
            namespace: secrets
            resources: [ks.yaml]
            #- apps/secrets/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: eso
            spec:
              dependsOn:
                - name: ceph
            #           ^^^^ error[dependency-cycle]: secrets/eso -> storage/ceph -> secrets/eso
                  namespace: storage
            """,
        "dependency-cycle");
  }

  @Test
  void reportsSelfReference() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: loner
              namespace: flux-system
            spec:
              dependsOn:
                - name: loner
            #           ^^^^^ error[dependency-cycle]: flux-system/loner -> flux-system/loner
            """,
        "dependency-cycle");
  }

  @Test
  void staysSilentOnAnOrderedChainInAMultiDocumentFile() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app
              namespace: flux-system
            spec:
              dependsOn:
                - name: app-config
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app-config
              namespace: flux-system
            """,
        "dependency-cycle");
  }
}
