package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.strata.testing.Fixture;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * The analysis of a snapshot made from an analysed one takes the facts, need graph and deadlocks of
 * every cluster the render handed out again, and computes them for the cluster an edit changed; the
 * findings are those of a fresh analysis.
 */
class AnalysisCarryTest {
  private static final String REPOSITORY =
      """
      #- clusters/one/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        interval: 10m
        path: ./clusters/one
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- clusters/one/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 10m
        path: ./apps/one
        dependsOn:
          - name: infra
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- apps/one/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: default
      #- clusters/two/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        interval: 10m
        path: ./clusters/two
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- clusters/two/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 10m
        path: ./apps/two
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- apps/two/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: default
      """;

  private static Cluster of(Analysis analysis, String file) {
    return analysis.snapshot().render().clustersOf(file).get(0);
  }

  @Test
  void keepsWhatItDerivedFromAnUnchangedCluster() {
    Analysis before = Fixture.of(REPOSITORY).analysis();
    assertEquals(2, before.clusters().size());
    Analyzer analyzer = Analyzer.standard((rule, e) -> {});
    analyzer.analyze(before);
    String path = "clusters/one/apps.yaml";
    String text =
        before.snapshot().file(path).orElseThrow().text().replace("name: infra", "name: infra2");
    Snapshot edited = before.snapshot().withFile(SourceFile.parse(path, text));
    Analysis after = new Analysis(edited);

    Cluster two = of(after, "apps/two/configmap.yaml");
    assertSame(of(before, "apps/two/configmap.yaml"), two);
    assertSame(before.facts(two), after.facts(two));
    assertSame(before.needs(two), after.needs(two));
    assertSame(before.deadlocks(two), after.deadlocks(two));
    Cluster one = of(after, "apps/one/configmap.yaml");
    assertNotSame(before.needs(of(before, "apps/one/configmap.yaml")), after.needs(one));

    java.util.List<Finding> findings = analyzer.analyze(after);
    assertEquals(
        analyzer.analyze(Fixture.of(REPOSITORY.replace("name: infra", "name: infra2")).analysis()),
        findings);
    assertEquals(
        1,
        findings.stream()
            .filter(f -> f.rule().equals("unknown-dependency") && f.message().contains("infra2"))
            .count(),
        findings.toString());
  }
}
