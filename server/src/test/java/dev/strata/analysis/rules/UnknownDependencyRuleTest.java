package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class UnknownDependencyRuleTest {
  private static final String RULE = "unknown-dependency";

  /**
   * A root that nothing applies, building ./apps: the fallback when no bootstrap or FluxInstance
   * exists.
   */
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
  void suggestsTheSameNameInAnotherNamespace() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: web
              namespace: default
            spec:
              dependsOn:
                - name: database
            #           ^^^^^^^^ warning[unknown-dependency]: default/database, but no Kustomization of that name exists in namespace default of cluster clusters/home; Flux retries it forever; did you mean db/database?
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: database
              namespace: db
            """,
        RULE);
  }

  @Test
  void suggestsANearSpellingInTheSameNamespace() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: paperless
              namespace: default
            spec:
              dependsOn:
                - name: ceph-cs
            #           ^^^^^^^ warning[unknown-dependency]: did you mean storage/ceph-csi?
                  namespace: storage
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: ceph-csi
              namespace: storage
            """,
        RULE);
  }

  @Test
  void offersNoSuggestionWhenNothingIsNear() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: paperless
              namespace: default
            spec:
              dependsOn:
                - name: zzzzzzzzzzzz
            #           ^^^^^^^^^^^^ warning[unknown-dependency]: exists in namespace default of cluster clusters/home; Flux retries it forever
            """,
        RULE);
    var findings =
        dev.strata.testing.Fixture.of(
                ROOT
                    + """
        #- apps/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: paperless
          namespace: default
        spec:
          dependsOn:
            - name: zzzzzzzzzzzz
        """)
            .findings(RULE);
    org.junit.jupiter.api.Assertions.assertFalse(
        findings.get(0).message().contains("did you mean"), findings.get(0).message());
  }

  @Test
  void resolvesADependencyWithoutNamespaceThroughTheEnclosingKustomizationNamespace() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ./media
            #- apps/media/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: media
            resources:
              - ./jellyfin/ks.yaml
            #- apps/media/jellyfin/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: jellyfin
            spec:
              dependsOn:
                - name: jellyfin-config
                - name: jellyfin-cache
            #           ^^^^^^^^^^^^^^ warning[unknown-dependency]: media/jellyfin-cache
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: jellyfin-config
            """,
        RULE);
  }

  @Test
  void resolvesADependencyInTheNamespaceThatTargetNamespaceImposes() {
    assertFindings(
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
          targetNamespace: tenants
          sourceRef: {kind: GitRepository, name: flux-system}
        #- apps/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: web
          namespace: ignored
        spec:
          dependsOn:
            - name: api
            - name: api
        #           ^^^ warning[unknown-dependency]: ignored/api, but no Kustomization
              namespace: ignored
          path: ./none
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: api
          namespace: ignored
        spec:
          path: ./none
        """,
        RULE);
  }

  @Test
  void staysSilentWhenTwoClustersReuseTheSameNames() {
    String cluster =
        """
        #- clusters/%1$s/flux-system/gotk-sync.yaml
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 1m
          url: https://example.com/fleet.git
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 10m
          path: ./clusters/%1$s
          prune: true
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/%1$s/flux-system/kustomization.yaml
        resources: [gotk-sync.yaml]
        #- clusters/%1$s/infrastructure.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: infrastructure
          namespace: flux-system
        spec:
          interval: 1h
          path: ./infrastructure/%1$s
          prune: true
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/%1$s/apps.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          dependsOn:
            - name: infrastructure
            - name: flux-system
          interval: 1h
          path: ./apps/%1$s
          prune: true
          sourceRef: {kind: GitRepository, name: flux-system}
        #- infrastructure/%1$s/namespace.yaml
        apiVersion: v1
        kind: Namespace
        metadata:
          name: infra
        #- apps/%1$s/namespace.yaml
        apiVersion: v1
        kind: Namespace
        metadata:
          name: apps
        """;
    assertFindings(cluster.formatted("production") + cluster.formatted("staging"), RULE);
  }

  @Test
  void reportsAnUnknownNameInOnlyTheClusterThatLacksIt() {
    assertFindings(
        """
        #- clusters/production/flux-system/gotk-sync.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          path: ./clusters/production
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/production/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: monitoring
          namespace: flux-system
        spec:
          path: ./monitoring
        #- clusters/staging/flux-system/gotk-sync.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          path: ./clusters/staging
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/staging/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          dependsOn:
            - name: monitoring
        #           ^^^^^^^^^^ warning[unknown-dependency]: of cluster clusters/staging
          path: ./apps
        """,
        RULE);
  }

  @Test
  void leavesAHelmReleaseThatNamesAKustomizationToTheKindMismatchRule() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: cert-manager
              namespace: infra
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: web
              namespace: infra
            spec:
              dependsOn:
                - name: cert-manager
            #           ^^^^^^^^^^^^ error[dependency-kind-mismatch]
                - name: redis
            #           ^^^^^ warning[unknown-dependency]: no HelmRelease of that name exists in namespace infra
            """,
        RULE);
  }

  @Test
  void resolvesVariablesFromTheParentsPostBuildSubstitute() {
    assertFindings(
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
          postBuild:
            substitute:
              APP: paperless
        #- apps/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: ${APP}
          namespace: default
        spec:
          dependsOn:
            - name: ${APP}-db
            - name: ${APP}-cache
        #           ^^^^^^^^^^^^ warning[unknown-dependency]: depends on default/paperless-cache
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: ${APP}-db
          namespace: default
        spec:
          dependsOn:
            - name: ${APP}
        """,
        RULE);
  }

  @Test
  void neverReportsANameWithAnUnresolvedVariable() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: web
              namespace: default
            spec:
              dependsOn:
                - name: ${CLUSTER_NAME}-database
                - name: database
                  namespace: ${DB_NAMESPACE}
                - name: ${FROM_A_SECRET:=fallback}
            """,
        RULE);
  }

  @Test
  void keepsDefaultsUnresolvedWhenSubstituteFromCouldSupplyTheValue() {
    assertFindings(
        """
        #- clusters/home/apps.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          path: ./apps
          sourceRef: {kind: GitRepository, name: flux-system}
          postBuild:
            substituteFrom:
              - kind: ConfigMap
                name: cluster-settings
        #- apps/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: web
          namespace: default
        spec:
          dependsOn:
            - name: ${DB:=postgres}
        """,
        RULE);
  }

  @Test
  void appliesADefaultWhenNoSubstituteFromExists() {
    assertFindings(
        """
        #- clusters/home/apps.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          path: ./apps
          sourceRef: {kind: GitRepository, name: flux-system}
          postBuild:
            substitute:
              UNUSED: x
        #- apps/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: web
          namespace: default
        spec:
          dependsOn:
            - name: ${DB:=postgres}
        #           ^^^^^^^^^^^^^^^ warning[unknown-dependency]: depends on default/postgres
        """,
        RULE);
  }

  @Test
  void resolvesEveryDocumentOfAMultiDocumentFile() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app
              namespace: default
            spec:
              dependsOn:
                - name: app-config
            ---
            # a comment between documents
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app-config
              namespace: default
            spec:
              dependsOn:
                - name: app-secrets
            #           ^^^^^^^^^^^ warning[unknown-dependency]: default/app-config depends on default/app-secrets
            """,
        RULE);
  }

  @Test
  void reportsInARepositoryWithoutBootstrapOrFluxInstance() {
    assertFindings(
        """
        #- kubernetes/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          dependsOn:
            - name: infra
            - name: infra-configs
        #           ^^^^^^^^^^^^^ warning[unknown-dependency]
          path: ./kubernetes/apps
          sourceRef: {kind: GitRepository, name: flux-system}
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: infra
          namespace: flux-system
        spec:
          path: ./kubernetes/infra
          sourceRef: {kind: GitRepository, name: flux-system}
        """,
        RULE);
  }

  @Test
  void staysSilentInARepositoryWithoutAnyKustomization() {
    assertFindings(
        """
        #- charts/web/helmrelease.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web
          namespace: default
        spec:
          dependsOn:
            - name: nowhere
        """,
        RULE);
  }

  @Test
  void ignoresObjectsThatNoClusterApplies() {
    assertFindings(
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
            #- apps/namespace.yaml
            apiVersion: v1
            kind: Namespace
            metadata:
              name: default
            #- archive/old/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: old
              namespace: default
            spec:
              dependsOn:
                - name: gone
            """,
        RULE);
  }

  @Test
  void acceptsTheRootKustomizationOfAFolderRootAsADependency() {
    assertFindings(
        """
        #- kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: flux-instance
          namespace: flux-system
        spec:
          values:
            instance:
              sync:
                path: kubernetes/flux/cluster
        #- kubernetes/flux/cluster/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: cluster-apps
          namespace: flux-system
        spec:
          dependsOn:
            - name: flux-system
          path: ./kubernetes/empty
          sourceRef: {kind: GitRepository, name: flux-system}
        #- kubernetes/empty/cm.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          namespace: default
        """,
        RULE);
  }

  @Test
  void trustsNamesAnExternalBuildMayDefineInItsTargetNamespaceOnly() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: tenant
              namespace: flux-system
            spec:
              path: ./
              sourceRef: {kind: OCIRepository, name: tenant-repo}
              targetNamespace: team-a
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: web
              namespace: flux-system
            spec:
              dependsOn:
                - name: team-app
                  namespace: team-a
                - name: platform
            #           ^^^^^^^^ warning[unknown-dependency]: flux-system/platform
            """,
        RULE);
  }

  @Test
  void trustsEveryNameWhenAnExternalBuildIsNotConfinedToANamespace() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: tenant
              namespace: flux-system
            spec:
              path: ./
              sourceRef: {kind: OCIRepository, name: tenant-repo}
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: web
              namespace: flux-system
            spec:
              dependsOn:
                - name: platform
            """,
        RULE);
  }
}
