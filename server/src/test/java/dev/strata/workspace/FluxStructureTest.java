package dev.strata.workspace;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Fields;
import dev.strata.model.Located;
import dev.strata.testing.Fixture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How Strata finds what Flux applies by structure, never by name: the repository's own sources,
 * cluster roots, and what each root reaches through builds, FluxInstances and transformers.
 */
class FluxStructureTest {
  private static RenderTree render(String fixture) {
    return Fixture.of(fixture).analysis().snapshot().render();
  }

  private static Set<String> ids(Cluster cluster) {
    return cluster.objects().stream()
        .map(a -> a.id().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static final String FLUX_INSTANCE_FROM_GENERATOR =
      """
      #- kubernetes/flux/cluster/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: cluster-apps, namespace: flux-system}
      spec:
        path: ./kubernetes/apps
        sourceRef: {kind: GitRepository, name: flux-system}
      #- kubernetes/apps/kustomization.yaml
      namespace: flux-system
      resources: [helmrelease.yaml]
      configMapGenerator:
        - name: flux-instance-values
          files: [values.yaml]
      generatorOptions:
        disableNameSuffixHash: true
      #- kubernetes/apps/helmrelease.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: flux-instance}
      spec:
        chart: {spec: {chart: flux-instance, sourceRef: {kind: HelmRepository, name: operator}}}
        valuesFrom:
          - kind: ConfigMap
            name: flux-instance-values
      #- kubernetes/apps/values.yaml
      instance:
        sync:
          kind: GitRepository
          url: https://github.com/example/ops.git
          ref: refs/heads/main
          path: kubernetes/flux/cluster
      """;

  private static final String SELF_APPLYING =
      """
      #- kubernetes/%1$s/flux/config/cluster.yaml
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: home-cluster-kubernetes
        namespace: flux-system
      spec:
        url: ssh://git@github.com/example/home-cluster
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: cluster
        namespace: flux-system
      spec:
        path: ./kubernetes/%1$s/flux
        sourceRef: {kind: GitRepository, name: home-cluster-kubernetes}
      #- kubernetes/%1$s/flux/config/kustomization.yaml
      resources: [cluster.yaml]
      #- kubernetes/%1$s/flux/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./kubernetes/%1$s/apps
        sourceRef: {kind: GitRepository, name: home-cluster-kubernetes}
      #- kubernetes/%1$s/apps/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: default}
      """;

  @Test
  void findsASelfApplyingRootWhateverItsSourceIsNamed() {
    RenderTree tree = render(SELF_APPLYING.formatted("hegira"));
    assertEquals(1, tree.clusters().size());
    Cluster cluster = tree.clusters().get(0);
    assertEquals(ClusterRoot.Kind.SELF_APPLYING, cluster.root().kind());
    assertEquals("kubernetes/hegira/flux", cluster.name());
    assertTrue(ids(cluster).contains("ConfigMap/default/settings"), ids(cluster).toString());
    RepositorySource source =
        tree.sources().all().stream()
            .filter(s -> s.id().name().equals("home-cluster-kubernetes"))
            .findFirst()
            .orElseThrow();
    assertTrue(source.own(), source.reason());
    assertTrue(source.reason().contains("applies its own definition"), source.reason());
  }

  @Test
  void keepsTwoEntryFoldersThatReuseNamesAsTwoClusters() {
    RenderTree tree = render(SELF_APPLYING.formatted("hegira") + SELF_APPLYING.formatted("helios"));
    assertEquals(
        List.of("kubernetes/hegira/flux", "kubernetes/helios/flux"),
        tree.clusters().stream().map(Cluster::name).toList());
    for (Cluster cluster : tree.clusters()) {
      assertEquals(
          1, cluster.find(ObjectId.kustomization("flux-system", "apps")).size(), cluster.name());
      assertTrue(
          cluster
              .find(ObjectId.kustomization("flux-system", "apps"))
              .get(0)
              .file()
              .contains(cluster.name().split("/")[1]));
    }
  }

  @Test
  void followsAFluxInstanceWrittenInAValuesFromConfigMapOfAGenerator() {
    RenderTree tree = render(FLUX_INSTANCE_FROM_GENERATOR);
    assertEquals(1, tree.clusters().size());
    Cluster cluster = tree.clusters().get(0);
    assertEquals("kubernetes/flux/cluster", cluster.name());
    assertTrue(ids(cluster).contains("FluxInstance/flux-system/flux"), ids(cluster).toString());
    assertTrue(
        ids(cluster).contains("Kustomization/flux-system/flux-system"), ids(cluster).toString());
    assertTrue(tree.data("kubernetes/apps/values.yaml"));
    assertFalse(
        tree.applied("kubernetes/apps/values.yaml") && !tree.data("kubernetes/apps/values.yaml"));
  }

  /**
   * The build reads a generator's data file only as a path, while what the flux-instance release
   * creates reads its content: an edit of that file alone must reach the FluxInstance, though the
   * build itself is taken from the previous render.
   */
  @Test
  void anEditOfTheValuesFileOfAGeneratorReachesTheFluxInstanceItCreates() {
    Snapshot before = Fixture.of(FLUX_INSTANCE_FROM_GENERATOR).analysis().snapshot();
    before.render();
    String values = "kubernetes/apps/values.yaml";
    String edited =
        before.file(values).orElseThrow().text().replace("example/ops.git", "example/next.git");
    Snapshot after = before.withFile(SourceFile.parse(values, edited));
    Cluster cluster = after.render().clusters().get(0);
    assertTrue(after.reusedBuilds() > 0, "the build was not taken from the previous render");
    Applied source =
        cluster.find(new ObjectId("GitRepository", "flux-system", "flux-system")).get(0);
    assertEquals(
        Optional.of("https://github.com/example/next.git"),
        Fields.of(source.meta().node()).text("spec", "url").map(Located::value));
  }

  @Test
  void readsSpecPathsOfAnOciSyncedClusterInThePushedFolder() {
    RenderTree tree =
        render(
            """
            #- .github/workflows/publish.yaml
            env:
              OCI_REPO: oci://ghcr.io/example/manifests
            jobs:
              push:
                steps:
                  - run: flux push artifact $OCI_REPO:$(git rev-parse --short HEAD) --path="./kubernetes" --source=x --revision=y
            #- kubernetes/clusters/main/flux-instance.yaml
            apiVersion: fluxcd.controlplane.io/v1
            kind: FluxInstance
            metadata: {name: flux, namespace: flux-system}
            spec:
              sync:
                kind: OCIRepository
                url: oci://ghcr.io/example/manifests
                ref: latest
                path: ./clusters/main
            #- kubernetes/clusters/main/apps.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: apps, namespace: flux-system}
            spec:
              path: ./apps
              sourceRef: {kind: OCIRepository, name: flux-system}
            #- kubernetes/apps/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: pushed, namespace: default}
            #- apps/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: wrong-folder, namespace: default}
            """);
    assertEquals(
        List.of("kubernetes/clusters/main"), tree.clusters().stream().map(Cluster::name).toList());
    Set<String> ids = ids(tree.clusters().get(0));
    assertTrue(ids.contains("ConfigMap/default/pushed"), ids.toString());
    assertFalse(ids.contains("ConfigMap/default/wrong-folder"), ids.toString());
    RepositorySource sync =
        tree.sources().all().stream()
            .filter(s -> s.id().kind().equals("OCIRepository"))
            .findFirst()
            .orElseThrow();
    assertEquals(java.util.Optional.of("kubernetes"), sync.root());
  }

  @Test
  void rendersNothingOfTheWorkspaceForKustomizationsOfOtherProjectsSources() {
    Fixture fixture =
        Fixture.of(
            SELF_APPLYING.formatted("main")
                + """
                #- kubernetes/main/apps/crds.yaml
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata: {name: rook-source, namespace: flux-system}
                spec:
                  url: https://github.com/rook/rook.git
                  ignore: |
                    /*
                    !/deploy/examples/crds.yaml
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: crds-rook, namespace: flux-system}
                spec:
                  sourceRef: {kind: GitRepository, name: rook-source}
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: rook-examples, namespace: flux-system}
                spec:
                  path: ./deploy/examples
                  sourceRef: {kind: GitRepository, name: rook-source}
                """);
    Cluster cluster = fixture.analysis().snapshot().render().clusters().get(0);
    AppliedKustomization crds =
        cluster.kustomization(ObjectId.kustomization("flux-system", "crds-rook")).orElseThrow();
    assertEquals(BuildStatus.EXTERNAL, crds.status());
    assertTrue(crds.source().orElseThrow().crdsOnly());
    // The whole workspace would hold the cluster's own files again: nothing of it is applied twice.
    assertEquals(1, cluster.find(ObjectId.kustomization("flux-system", "apps")).size());
    assertEquals(List.of(), fixture.findings("missing-path"));
  }

  @Test
  void stillReportsACycleBetweenTwoKustomizationsThatApplyEachOthersFolder() {
    assertFindings(
        """
        #- clusters/a/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: a, namespace: flux-system}
        spec:
          dependsOn:
            - name: b
        #           ^ error[dependency-cycle]
          path: ./clusters/b
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/b/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: b, namespace: flux-system}
        spec:
          dependsOn:
            - name: a
        #           ^ error[dependency-cycle]
          path: ./clusters/a
          sourceRef: {kind: GitRepository, name: flux-system}
        """,
        "dependency-cycle");
    RenderTree tree =
        Fixture.of(
                """
                #- clusters/a/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: a, namespace: flux-system}
                spec:
                  path: ./clusters/b
                  sourceRef: {kind: GitRepository, name: flux-system}
                #- clusters/b/ks.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: b, namespace: flux-system}
                spec:
                  path: ./clusters/a
                  sourceRef: {kind: GitRepository, name: flux-system}
                """)
            .analysis()
            .snapshot()
            .render();
    assertEquals(1, tree.clusters().size());
    assertEquals(ClusterRoot.Kind.SELF_APPLYING, tree.clusters().get(0).root().kind());
  }

  @Test
  void setsTargetNamespaceFromANamespaceThroughReplacements() {
    Cluster cluster =
        render(
                SELF_APPLYING.formatted("main")
                    + """
                    #- kubernetes/main/apps/kustomization.yaml
                    namespace: media
                    resources: [namespace.yaml, ks.yaml]
                    replacements:
                      - path: ../../replacements.yaml
                    #- kubernetes/replacements.yaml
                    - source:
                        kind: Namespace
                        fieldPath: metadata.name
                      targets:
                        - select:
                            kind: Kustomization
                            group: kustomize.toolkit.fluxcd.io
                          fieldPaths:
                            - spec.targetNamespace
                          options:
                            create: true
                    #- kubernetes/main/apps/namespace.yaml
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: not-used}
                    #- kubernetes/main/apps/ks.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: jellyfin}
                    spec:
                      path: ./kubernetes/main/jellyfin
                      sourceRef: {kind: GitRepository, name: home-cluster-kubernetes}
                    #- kubernetes/main/jellyfin/helmrelease.yaml
                    apiVersion: helm.toolkit.fluxcd.io/v2
                    kind: HelmRelease
                    metadata: {name: jellyfin}
                    """)
            .clusters()
            .get(0);
    // kustomize renames the Namespace to the layer's namespace, then the replacement copies it.
    assertTrue(ids(cluster).contains("Namespace/media"), ids(cluster).toString());
    assertTrue(ids(cluster).contains("Kustomization/media/jellyfin"), ids(cluster).toString());
    assertTrue(ids(cluster).contains("HelmRelease/media/jellyfin"), ids(cluster).toString());
  }

  @Test
  void reportsADependencyOnAnObjectWhoseEntryIsCommentedOut() {
    assertFindings(
        SELF_APPLYING.formatted("main")
            + """
            #- kubernetes/main/apps/kustomization.yaml
            resources:
              - ./cm.yaml
              - ./vector.yaml
              # - ./loki.yaml
            #- kubernetes/main/apps/vector.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: vector, namespace: monitoring}
            spec:
              dependsOn:
                - name: loki
            #           ^^^^ warning[unknown-dependency]: is defined in kubernetes/main/apps/loki.yaml but not applied: its entry is commented out in kubernetes/main/apps/kustomization.yaml
            #- kubernetes/main/apps/loki.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            #           ^^^^^^^^^^^^^^^^^^^^^^^^^ info[not-applied]: its entry is commented out
            kind: HelmRelease
            metadata: {name: loki, namespace: monitoring}
            """,
        "unknown-dependency",
        "not-applied");
  }

  @Test
  void readsAGeneratorInputWithTemplatesAsData() {
    Fixture fixture =
        Fixture.of(
            SELF_APPLYING.formatted("main")
                + """
                #- kubernetes/main/apps/kustomization.yaml
                resources: [cm.yaml]
                configMapGenerator:
                  - name: recyclarr
                    files: [config/recyclarr.yml]
                #- kubernetes/main/apps/cm.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: plain, namespace: default}
                #- kubernetes/main/apps/config/recyclarr.yml
                sonarr:
                  {{ .Values.instance }}:
                    base_url: http://sonarr
                """);
    assertEquals(List.of(), fixture.findings("yaml-syntax"));
    assertEquals(List.of(), fixture.findings("not-applied"));
    assertTrue(
        ids(fixture.analysis().snapshot().render().clusters().get(0))
            .contains("ConfigMap/recyclarr"));
  }

  @Test
  void leavesHelmfilesAnsibleAndBrokenToolYamlAlone() {
    Fixture fixture =
        Fixture.of(
            SELF_APPLYING.formatted("main")
                + """
                #- bootstrap/helmfile.yaml
                releases:
                  - name: cilium
                    version: {{ env "CILIUM_VERSION" }}
                #- ansible/roles/k3s/tasks/main.yml
                - name: Install k3s
                  ansible.builtin.shell: curl -sfL https://get.k3s.io | sh -
                  args: {creates: /usr/local/bin/k3s}
                  when: x: y
                """);
    assertEquals(List.of(), fixture.findings("yaml-syntax"));
    assertEquals(List.of(), fixture.findings("not-applied"));
  }

  @Test
  void expandsAResourceSetWithInlineInputs() {
    Cluster cluster =
        render(
                SELF_APPLYING.formatted("main")
                    + """
                    #- kubernetes/main/apps/tenants.yaml
                    apiVersion: fluxcd.controlplane.io/v1
                    kind: ResourceSet
                    metadata: {name: tenants, namespace: flux-system}
                    spec:
                      inputs:
                        - tenant: team-a
                        - tenant: team-b
                      resources:
                        - apiVersion: kustomize.toolkit.fluxcd.io/v1
                          kind: Kustomization
                          metadata:
                            name: << inputs.tenant >>
                            namespace: flux-system
                          spec:
                            path: ./kubernetes/tenants/<< inputs.tenant >>
                            sourceRef: {kind: GitRepository, name: home-cluster-kubernetes}
                    #- kubernetes/tenants/team-a/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a, namespace: team-a}
                    #- kubernetes/tenants/team-b/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: b, namespace: team-b}
                    """)
            .clusters()
            .get(0);
    Set<String> ids = ids(cluster);
    assertTrue(ids.containsAll(Set.of("ConfigMap/team-a/a", "ConfigMap/team-b/b")), ids.toString());
    assertEquals(
        java.util.Optional.of(ObjectId.kustomization("flux-system", "apps").kind()),
        cluster.find(ObjectId.kustomization("flux-system", "team-a")).stream()
            .findFirst()
            .map(a -> a.id().kind()));
    assertEquals(
        java.util.Optional.of(new ObjectId("ResourceSet", "flux-system", "tenants")),
        cluster.find(ObjectId.kustomization("flux-system", "team-a")).get(0).owner());
  }

  @Test
  void concludesNothingAboutAResourceSetFedByAnInputProvider() {
    Cluster cluster =
        render(
                SELF_APPLYING.formatted("main")
                    + """
                    #- kubernetes/main/apps/previews.yaml
                    apiVersion: fluxcd.controlplane.io/v1
                    kind: ResourceSet
                    metadata: {name: previews, namespace: flux-system}
                    spec:
                      inputsFrom:
                        - kind: ResourceSetInputProvider
                          name: pull-requests
                      resources:
                        - apiVersion: v1
                          kind: Namespace
                          metadata: {name: pr-<< inputs.id >>}
                    """)
            .clusters()
            .get(0);
    assertTrue(
        ids(cluster).stream().noneMatch(id -> id.startsWith("Namespace/pr-")),
        ids(cluster).toString());
  }

  @Test
  void leavesOutWhatTheSourcesIgnoreRulesExclude() {
    Fixture fixture =
        Fixture.of(
            """
            #- kubernetes/flux/config/cluster.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: GitRepository
            metadata: {name: home, namespace: flux-system}
            spec:
              url: https://github.com/example/home
              ignore: |
                /*
                !/kubernetes
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: cluster, namespace: flux-system}
            spec:
              path: ./kubernetes/flux
              sourceRef: {kind: GitRepository, name: home}
            #- kubernetes/flux/apps.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: docs, namespace: flux-system}
            spec:
              path: ./docs
            #       ^^^^^^ error[missing-path]: is left out of the source's artifact
              sourceRef: {kind: GitRepository, name: home}
            #- docs/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: docs, namespace: default}
            """);
    assertFindings(fixture, "missing-path");
  }
}
