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

  @Test
  void reportsACycleAmongHelmReleasesSeparatelyFromKustomizations() {
    assertFindings(
        ROOT
            + """
            #- apps/releases.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: operator
              namespace: db
            spec:
              dependsOn:
                - name: cluster
            #           ^^^^^^^ error[dependency-cycle]: HelmRelease dependency cycle: db/cluster -> db/operator -> db/cluster
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cluster
              namespace: db
            spec:
              dependsOn:
                - name: operator
            #           ^^^^^^^^ error[dependency-cycle]: HelmRelease dependency cycle: db/cluster -> db/operator -> db/cluster
            """,
        "dependency-cycle");
  }

  @Test
  void doesNotJoinAKustomizationAndAHelmReleaseOfTheSameNameIntoACycle() {
    assertFindings(
        ROOT
            + """
            #- apps/mixed.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: a
              namespace: db
            spec:
              path: ./none
              dependsOn:
                - name: b
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: b
              namespace: db
            spec:
              dependsOn:
                - name: a
            """,
        "dependency-cycle");
  }

  @Test
  void reportsACycleOnlyInTheClusterThatHasIt() {
    String cluster =
        """
        #- clusters/%1$s/flux-system/gotk-sync.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          path: ./clusters/%1$s
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/%1$s/infrastructure.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: infrastructure
          namespace: flux-system
        spec:
          path: ./none
        """;
    assertFindings(
        cluster.formatted("production")
            + cluster.formatted("staging")
            + """
            #- clusters/production/apps.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              path: ./none
              dependsOn:
                - name: infrastructure
            #- clusters/staging/apps.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              path: ./none
              dependsOn:
                - name: apps
            #           ^^^^ error[dependency-cycle]: flux-system/apps -> flux-system/apps
            """,
        "dependency-cycle");
  }

  @Test
  void staysSilentOnADiamond() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: top, namespace: flux-system}
            spec:
              path: ./none
              dependsOn: [{name: left}, {name: right}]
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: left, namespace: flux-system}
            spec:
              path: ./none
              dependsOn: [{name: bottom}]
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: right, namespace: flux-system}
            spec:
              path: ./none
              dependsOn: [{name: bottom}]
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: bottom, namespace: flux-system}
            spec:
              path: ./none
            """,
        "dependency-cycle");
  }

  @Test
  void namesEveryOtherEdgeOfTheCycleAsRelated() {
    var findings =
        dev.strata.testing.Fixture.of(
                ROOT
                    + """
                    #- apps/ks.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: a, namespace: flux-system}
                    spec:
                      path: ./none
                      dependsOn: [{name: b}]
                    ---
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: b, namespace: flux-system}
                    spec:
                      path: ./none
                      dependsOn: [{name: c}]
                    ---
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: c, namespace: flux-system}
                    spec:
                      path: ./none
                      dependsOn: [{name: a}]
                    """)
            .findings("dependency-cycle");
    org.junit.jupiter.api.Assertions.assertEquals(3, findings.size());
    for (var finding : findings) {
      org.junit.jupiter.api.Assertions.assertEquals(
          2, finding.related().size(), finding.toString());
      org.junit.jupiter.api.Assertions.assertTrue(
          finding
              .message()
              .contains("flux-system/a -> flux-system/b -> flux-system/c -> flux-system/a"),
          finding.message());
    }
  }
}
