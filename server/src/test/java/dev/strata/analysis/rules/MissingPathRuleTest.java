package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class MissingPathRuleTest {
  private static final String RULE = "missing-path";
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
  void reportsASpecPathThatDoesNotExist() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: web, namespace: default}
            spec:
              path: ./kubernetes/apps/web
            #       ^^^^^^^^^^^^^^^^^^^^^ error[missing-path]: "./kubernetes/apps/web" does not exist (resolved to kubernetes/apps/web)
            """,
        RULE);
  }

  @Test
  void reportsASpecPathThatIsAFile() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: web, namespace: default}
            spec:
              path: ./apps/ks.yaml
            #       ^^^^^^^^^^^^^^ error[missing-path]: is a file; spec.path must name a folder
            """,
        RULE);
  }

  @Test
  void reportsResourcesAndComponentsThatDoNotExist() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ./namespace.yaml
              - ./ghost/ks.yaml
            #   ^^^^^^^^^^^^^^^ error[missing-path]: "./ghost/ks.yaml" does not exist (resolved to apps/ghost/ks.yaml)
            components:
              - ../components/common
              - ../components/missing
            #   ^^^^^^^^^^^^^^^^^^^^^ error[missing-path]: resolved to components/missing
            #- apps/namespace.yaml
            apiVersion: v1
            kind: Namespace
            metadata: {name: apps}
            #- components/common/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            """,
        RULE);
  }

  @Test
  void reportsAFolderResourceWithoutKustomization() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ./plain
            #   ^^^^^^^ error[missing-path]: is a folder without kustomization.yaml
              - ./overlay
            #- apps/plain/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a, namespace: default}
            #- apps/overlay/kustomization.yaml
            resources: [cm.yaml]
            #- apps/overlay/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b, namespace: default}
            """,
        RULE);
  }

  @Test
  void reportsPathsThatClimbOutOfTheRepository() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ks.yaml
              - ../../outside
            #   ^^^^^^^^^^^^^ error[missing-path]: points outside the repository
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: web, namespace: default}
            spec:
              path: ../elsewhere
            #       ^^^^^^^^^^^^ error[missing-path]: points outside the repository
            """,
        RULE);
  }

  @Test
  void leavesRemoteResourcesAlone() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - https://github.com/kubernetes-sigs/external-dns/releases/download/v0.14.0/crds.yaml
              - github.com/fluxcd/flux2/manifests/install?ref=v2.3.0
              - git@github.com:org/repo.git//deploy
            """,
        RULE);
  }

  @Test
  void resolvesSpecComponentsRelativeToSpecPath() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: web, namespace: default}
            spec:
              path: ./web
              components:
                - ../components/tls
                - ../components/nope
            #     ^^^^^^^^^^^^^^^^^^ error[missing-path]: resolved to components/nope
            #- web/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a, namespace: default}
            #- components/tls/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            """,
        RULE);
  }

  @Test
  void leavesPathsOfOtherSourcesAndVariablesAlone() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: podinfo, namespace: default}
            spec:
              path: ./kustomize
              sourceRef: {kind: OCIRepository, name: podinfo}
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: other, namespace: default}
            spec:
              path: ./deploy/production
              sourceRef: {kind: GitRepository, name: other-repo}
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: templated, namespace: default}
            spec:
              path: ./clusters/${CLUSTER}
            """,
        RULE);
  }

  @Test
  void ignoresKustomizationsThatNoClusterApplies() {
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
        #- archive/kustomization.yaml
        resources: [gone.yaml]
        """,
        RULE);
  }
}
