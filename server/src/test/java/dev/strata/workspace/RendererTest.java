package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.Fixture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RendererTest {
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

  private static RenderTree render(String fixture) {
    return Fixture.of(fixture).analysis().snapshot().render();
  }

  private static Set<String> ids(Cluster cluster) {
    return cluster.objects().stream()
        .map(a -> a.id().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void letsTheOuterOverlayNamespaceWin() {
    Cluster cluster =
        render(
                ROOT
                    + """
                    #- apps/kustomization.yaml
                    namespace: outer
                    resources: [./inner]
                    #- apps/inner/kustomization.yaml
                    namespace: inner
                    resources: [cm.yaml]
                    #- apps/inner/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: own}
                    """)
            .clusters()
            .get(0);
    assertTrue(ids(cluster).contains("ConfigMap/outer/settings"), ids(cluster).toString());
  }

  @Test
  void usesTheInnerOverlayNamespaceWhenNoOuterOneIsSet() {
    Cluster cluster =
        render(
                ROOT
                    + """
                    #- apps/kustomization.yaml
                    resources: [./inner, cm.yaml]
                    #- apps/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: plain, namespace: own}
                    #- apps/inner/kustomization.yaml
                    namespace: inner
                    resources: [cm.yaml]
                    #- apps/inner/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings}
                    """)
            .clusters()
            .get(0);
    assertTrue(
        ids(cluster).containsAll(Set.of("ConfigMap/inner/settings", "ConfigMap/own/plain")),
        ids(cluster).toString());
  }

  @Test
  void letsTargetNamespaceWinOverEveryOverlay() {
    Cluster cluster =
        render(
                ROOT
                    + """
                    #- apps/ks.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: web, namespace: default}
                    spec:
                      path: ./web
                      targetNamespace: web
                    #- web/kustomization.yaml
                    namespace: overlay
                    resources: [cm.yaml]
                    #- web/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: own}
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: web}
                    """)
            .clusters()
            .get(0);
    assertTrue(ids(cluster).contains("ConfigMap/web/settings"), ids(cluster).toString());
    assertTrue(ids(cluster).contains("Namespace/web"), ids(cluster).toString());
  }

  @Test
  void generatesAKustomizationFromEveryYamlFileBelowAFolder() {
    RenderTree tree =
        render(
            ROOT
                + """
                #- apps/a.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: default}
                #- apps/deep/er/b.yml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b, namespace: default}
                #- apps/unit/kustomization.yaml
                resources: [listed.yaml]
                #- apps/unit/listed.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: listed, namespace: default}
                #- apps/unit/unlisted.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: unlisted, namespace: default}
                #- apps/.hidden.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: hidden, namespace: default}
                #- apps/.github/workflow.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: workflow, namespace: default}
                #- apps/notes.txt
                not yaml
                """);
    Set<String> ids = ids(tree.clusters().get(0));
    assertTrue(
        ids.containsAll(
            Set.of("ConfigMap/default/a", "ConfigMap/default/b", "ConfigMap/default/listed")),
        ids.toString());
    assertFalse(ids.contains("ConfigMap/default/unlisted"), ids.toString());
    // kustomize-controller's generator includes dot-files (fluxcd/pkg kustomize_generator.go
    // scanManifests); source-controller's default exclusions leave .github/ out of the artifact.
    assertTrue(ids.contains("ConfigMap/default/hidden"), ids.toString());
    assertFalse(ids.contains("ConfigMap/default/workflow"), ids.toString());
    assertTrue(tree.applied("apps/unit/kustomization.yaml"));
    assertFalse(tree.applied("apps/unit/unlisted.yaml"));
  }

  @Test
  void findsTheBootstrapRootOfEachCluster() {
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
        """;
    RenderTree tree = render(cluster.formatted("production") + cluster.formatted("staging"));
    assertEquals(
        List.of("clusters/production", "clusters/staging"),
        tree.clusters().stream().map(Cluster::name).toList());
    assertEquals(ClusterRoot.Kind.SELF_APPLYING, tree.clusters().get(0).root().kind());
  }

  @Test
  void findsTheRootOfAFluxInstance() {
    RenderTree tree =
        render(
            """
            #- kubernetes/flux-instance.yaml
            apiVersion: fluxcd.controlplane.io/v1
            kind: FluxInstance
            metadata: {name: flux, namespace: flux-system}
            spec:
              sync:
                kind: GitRepository
                path: kubernetes/flux/cluster
            #- kubernetes/flux/cluster/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: root-cm, namespace: flux-system}
            """);
    assertEquals(
        List.of("kubernetes/flux/cluster"), tree.clusters().stream().map(Cluster::name).toList());
    assertEquals(ClusterRoot.Kind.FLUX_INSTANCE, tree.clusters().get(0).root().kind());
    assertTrue(ids(tree.clusters().get(0)).contains("ConfigMap/flux-system/root-cm"));
  }

  @Test
  void aFluxInstanceTakesTheNamespaceOfItsEnclosingKustomization() {
    // FluxInstance is Namespaced (flux-operator
    // config/crd/bases/fluxcd.controlplane.io_fluxinstances.yaml),
    // so kustomize's namespace transformer sets its namespace, which also names its sync objects.
    RenderTree tree =
        render(
            """
            #- clusters/home/cluster.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: cluster, namespace: flux-system}
            spec:
              path: ./clusters/home
              sourceRef: {kind: GitRepository, name: home}
            #- clusters/home/kustomization.yaml
            resources: [cluster.yaml, ../../infra/flux]
            #- infra/flux/kustomization.yaml
            namespace: flux-system
            resources: [instance.yaml]
            #- infra/flux/instance.yaml
            apiVersion: fluxcd.controlplane.io/v1
            kind: FluxInstance
            metadata: {name: flux}
            spec:
              sync: {kind: GitRepository, url: "https://example.com/home.git", ref: refs/heads/main, path: apps}
            #- apps/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-settings, namespace: default}
            """);
    Set<String> ids = new TreeSet<>();
    tree.clusters().forEach(cluster -> ids.addAll(ids(cluster)));
    assertTrue(ids.contains("FluxInstance/flux-system/flux"), ids.toString());
  }

  @Test
  void findsTheSyncPathInTheValuesOfAFluxInstanceHelmRelease() {
    RenderTree tree =
        render(
            """
            #- kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: flux-instance, namespace: flux-system}
            spec:
              values:
                instance:
                  sync:
                    kind: GitRepository
                    path: kubernetes/flux/cluster
            #- kubernetes/flux/cluster/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: cluster-apps, namespace: flux-system}
            spec:
              path: ./kubernetes/apps
            """);
    assertEquals(
        List.of("kubernetes/flux/cluster"), tree.clusters().stream().map(Cluster::name).toList());
    assertTrue(tree.applied("kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml"));
  }

  @Test
  void takesRootsFromTheConfiguration() {
    RenderTree tree =
        render(
            ROOT
                + """
                #- .strata.yaml
                roots:
                  - deploy/main
                #- deploy/main/cm.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: main, namespace: default}
                """);
    assertEquals(List.of("deploy/main"), tree.clusters().stream().map(Cluster::name).toList());
    assertEquals(ClusterRoot.Kind.CONFIGURED, tree.clusters().get(0).root().kind());
    assertFalse(tree.applied("clusters/home/apps.yaml"));
  }

  @Test
  void fallsBackToKustomizationsThatNothingApplies() {
    RenderTree tree =
        render(
            ROOT
                + """
                #- apps/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: web, namespace: default}
                spec:
                  path: ./web
                #- web/cm.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web, namespace: default}
                """);
    assertEquals(List.of("clusters/home"), tree.clusters().stream().map(Cluster::name).toList());
    Cluster cluster = tree.clusters().get(0);
    assertEquals(ClusterRoot.Kind.UNAPPLIED, cluster.root().kind());
    assertEquals(
        List.of("clusters/home/apps.yaml"),
        cluster.root().seeds().stream().map(s -> s.object().file()).toList());
    assertTrue(ids(cluster).contains("ConfigMap/default/web"));
  }

  @Test
  void substitutesTheParentsVariablesIntoChildNames() {
    Cluster cluster =
        render(
                """
                #- clusters/home/apps.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: apps, namespace: flux-system}
                spec:
                  path: ./apps
                  postBuild:
                    substitute: {APP: paperless, NS: default}
                #- apps/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: "${APP}", namespace: "${NS}"}
                spec:
                  path: ./none
                """)
            .clusters()
            .get(0);
    assertTrue(ids(cluster).contains("Kustomization/default/paperless"), ids(cluster).toString());
  }

  @Test
  void appliesADefaultOnlyWithoutSubstituteFrom() {
    Substitution inline =
        Substitution.of(
            new dev.strata.model.PostBuild(true, java.util.Map.of("A", "a"), List.of()));
    Substitution openEnded =
        Substitution.of(
            new dev.strata.model.PostBuild(
                true,
                java.util.Map.of("A", "a"),
                List.of(
                    new dev.strata.model.ObjectReference(
                        java.util.Optional.empty(),
                        dev.strata.model.Located.of("settings", dev.strata.text.Range.ZERO),
                        java.util.Optional.empty()))));
    assertEquals("a-d", inline.apply("${A}-${X:=d}"));
    assertEquals("a-${X:=d}", openEnded.apply("${A}-${X:=d}"));
    assertEquals("a-${X}", openEnded.apply("${A}-${X}"));
    assertEquals("${X}", inline.apply("${X}"));
  }

  @Test
  void neverSubstitutesAnEscapedVariable() {
    Substitution substitution =
        Substitution.of(
            new dev.strata.model.PostBuild(true, java.util.Map.of("X", "x"), List.of()));
    assertEquals("${X}", substitution.apply("$${X}"));
    assertEquals("a-${X}-x", substitution.apply("a-$${X}-${X}"));
    assertEquals("x", substitution.apply("${X}"));
  }

  @Test
  void substitutesNothingWithoutPostBuild() {
    assertEquals("${X:=d}", Substitution.NONE.apply("${X:=d}"));
  }
}
