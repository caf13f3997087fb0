package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class DependencyKindMismatchRuleTest {
  private static final String RULE = "dependency-kind-mismatch";
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
  void reportsAKustomizationThatDependsOnAHelmRelease() {
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
              path: ./none
              dependsOn:
                - name: cloudnative-pg
            #           ^^^^^^^^^^^^^^ error[dependency-kind-mismatch]: depends on database/cloudnative-pg, which is a HelmRelease
                  namespace: database
            #- apps/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cloudnative-pg
              namespace: database
            """,
        RULE);
  }

  @Test
  void reportsAHelmReleaseThatDependsOnAKustomization() {
    assertFindings(
        ROOT
            + """
            #- apps/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: app
              namespace: infra
            spec:
              dependsOn:
                - name: cert-manager
            #           ^^^^^^^^^^^^ error[dependency-kind-mismatch]: HelmRelease infra/app depends on infra/cert-manager, which is a Kustomization
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: cert-manager
              namespace: infra
            spec:
              path: ./none
            """,
        RULE);
  }

  @Test
  void staysSilentWhenBothKindsExistUnderTheName() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: cert-manager
              namespace: infra
            spec:
              path: ./none
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cert-manager
              namespace: infra
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: issuers
              namespace: infra
            spec:
              dependsOn:
                - name: cert-manager
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: issuers
              namespace: infra
            spec:
              path: ./none
              dependsOn:
                - name: cert-manager
            """,
        RULE);
  }

  @Test
  void staysSilentWhenTheOtherKindLivesInAnotherNamespace() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app
              namespace: default
            spec:
              path: ./none
              dependsOn:
                - name: redis
            #           ^^^^^ warning[unknown-dependency]
            #- apps/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: redis
              namespace: cache
            """,
        RULE);
  }

  @Test
  void neverReportsAnUnresolvedName() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app
              namespace: default
            spec:
              path: ./none
              dependsOn:
                - name: ${RELEASE}
            #- apps/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: ${RELEASE}
              namespace: default
            """,
        RULE);
  }
}
