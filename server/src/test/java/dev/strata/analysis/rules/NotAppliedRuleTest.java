package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class NotAppliedRuleTest {
  private static final String RULE = "not-applied";

  private static final String ROOT =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: home-cluster
        namespace: flux-system
      spec:
        url: ssh://git@github.com/example/home
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: cluster
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: home-cluster}
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        sourceRef: {kind: GitRepository, name: home-cluster}
      """;

  @Test
  void namesTheKustomizationWhoseCommentedOutEntryLeavesAFileDead() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ./grafana.yaml
              # - ./loki.yaml
            #- apps/grafana.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: grafana, namespace: monitoring}
            #- apps/loki.yaml
            apiVersion: v1
            #           ^^ info[not-applied]: its entry is commented out in apps/kustomization.yaml
            kind: ConfigMap
            metadata: {name: loki, namespace: monitoring}
            """,
        RULE);
  }

  @Test
  void saysWhenNoClusterBuildsAnyFolderAboveAFile() {
    assertFindings(
        ROOT
            + """
            #- apps/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: live, namespace: default}
            #- archive/old/cm.yaml
            apiVersion: v1
            #           ^^ info[not-applied]: no cluster builds this folder or any folder above it
            kind: ConfigMap
            metadata: {name: old, namespace: default}
            """,
        RULE);
  }

  @Test
  void leavesGeneratorInputsHelmfilesAndOtherToolsYamlAlone() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources: [cm.yaml]
            configMapGenerator:
              - name: dashboards
                files: [dashboard.yaml]
            #- apps/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: live, namespace: default}
            #- apps/dashboard.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: looks-like-one, namespace: default}
            #- bootstrap/helmfile.yaml
            releases:
              - name: cilium
                namespace: kube-system
            #- talos/controlplane.yaml
            apiVersion: v1alpha1
            kind: ExtensionServiceConfig
            """,
        RULE);
  }

  @Test
  void staysSilentWithoutAnyCluster() {
    assertFindings(
        """
        #- apps/cm.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: alone, namespace: default}
        """,
        RULE);
  }
}
