package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class RemovedApiVersionRuleTest {
  private static final String RULE = "removed-api-version";
  private static final String ROOT =
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
      """;

  @Test
  void reportsEveryRemovedFluxAndExternalSecretsVersion() {
    assertFindings(
        ROOT
            + """
            #- apps/old.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1beta1
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]: removed in Flux v2.7
            kind: Kustomization
            metadata: {name: a, namespace: default}
            spec: {path: ./none}
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]: removed in Flux v2.8
            kind: Kustomization
            metadata: {name: b, namespace: default}
            spec: {path: ./none}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta1
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]: use helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: c, namespace: default}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]: HelmRelease helm.toolkit.fluxcd.io/v2beta2 was removed
            kind: HelmRelease
            metadata: {name: d, namespace: default}
            ---
            apiVersion: external-secrets.io/v1beta1
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]: ExternalSecret external-secrets.io/v1beta1 was removed from the served versions in External Secrets v0.17; use external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: e, namespace: default}
            """,
        RULE);
  }

  @Test
  void staysSilentOnCurrentVersions() {
    assertFindings(
        ROOT
            + """
            #- apps/current.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: a, namespace: default}
            spec: {path: ./none}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: c, namespace: default}
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: e, namespace: default}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata: {name: f, namespace: default}
            """,
        RULE);
  }

  @Test
  void ignoresFilesThatNoClusterApplies() {
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
        #- archive/hr.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2beta1
        kind: HelmRelease
        metadata: {name: old, namespace: default}
        """,
        RULE);
  }

  @Test
  void reportsAnObjectAppliedByTwoClustersOnce() {
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
        #- clusters/%1$s/kustomization.yaml
        resources: [flux-system/gotk-sync.yaml, ../../base]
        """;
    assertFindings(
        cluster.formatted("production")
            + cluster.formatted("staging")
            + """
            #- base/kustomization.yaml
            resources: [hr.yaml]
            #- base/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[removed-api-version]
            kind: HelmRelease
            metadata: {name: podinfo, namespace: default}
            """,
        RULE);
  }
}
