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
  /** The Kustomization that applies cluster one's folder to itself, as flux bootstrap writes it. */
  private static final String ROOT_ONE =
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
      """;

  private static final String REPOSITORY =
      ROOT_ONE
          + """
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

  /** Reports each cluster's deployed Flux version at its first object, counting its runs. */
  private static final class Counting implements ClusterRule {
    final java.util.concurrent.atomic.AtomicInteger runs =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public dev.strata.model.Severity defaultSeverity() {
      return dev.strata.model.Severity.INFO;
    }

    @Override
    public String summary() {
      return "Counts its runs.";
    }

    @Override
    public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
      runs.incrementAndGet();
      dev.strata.workspace.Applied first = cluster.objects().get(0);
      String flux =
          analysis.deployed(cluster).flux().map(r -> r.version().toString()).orElse("unknown");
      reporter.report(
          finding(first.file(), first.meta().anchor(), cluster.name() + " runs Flux " + flux));
    }
  }

  @Test
  void runsAClusterRuleOverTheClusterAnEditChangedOnly() {
    Analysis before = Fixture.of(REPOSITORY).analysis();
    Counting rule = new Counting();
    Analyzer analyzer = new Analyzer(java.util.List.of(rule), (r, e) -> {});
    java.util.List<Finding> first = analyzer.analyze(before);
    assertEquals(2, rule.runs.get());

    String path = "apps/one/configmap.yaml";
    String text = before.snapshot().file(path).orElseThrow().text() + "data:\n  colour: red\n";
    Analysis after = new Analysis(before.snapshot().withFile(SourceFile.parse(path, text)));
    Cluster two = of(after, "apps/two/configmap.yaml");
    assertSame(before.findings(rule, two), after.findings(rule, two));
    assertEquals(first, analyzer.analyze(after));
    assertEquals(3, rule.runs.get(), "the edited cluster only is checked again");
  }

  /**
   * The Flux version a cluster runs may come from a file no cluster reads (a {@code # Flux
   * Version:} header): a change there reaches what a rule found in a cluster the render kept.
   */
  @Test
  void aVersionStatedOutsideAKeptClusterReachesItsFindings() {
    String repository =
        REPOSITORY + "#- docs/gotk-components.yaml\n# Flux Version: v2.8.0\n" + "---\n";
    Analysis before = Fixture.of(repository).analysis();
    Counting rule = new Counting();
    Analyzer analyzer = new Analyzer(java.util.List.of(rule), (r, e) -> {});
    assertEquals(
        2,
        analyzer.analyze(before).stream().filter(f -> f.message().contains("Flux 2.8.0")).count());

    String path = "docs/gotk-components.yaml";
    String text = before.snapshot().file(path).orElseThrow().text().replace("2.8.0", "2.9.1");
    Analysis after = new Analysis(before.snapshot().withFile(SourceFile.parse(path, text)));
    assertSame(of(before, "apps/two/configmap.yaml"), of(after, "apps/two/configmap.yaml"));
    java.util.List<Finding> findings = analyzer.analyze(after);
    assertEquals(
        2,
        findings.stream().filter(f -> f.message().contains("Flux 2.9.1")).count(),
        "" + findings);
    assertEquals(
        analyzer.analyze(Fixture.of(repository.replace("2.8.0", "2.9.1")).analysis()), findings);
  }

  private static final String RELEASE =
      ROOT_ONE
          + """
      #- clusters/one/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 10m
        path: ./apps
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- apps/release.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: app
        namespace: default
      spec:
        values:
          persistence:
            existingClaim: data
      #- apps/claim.yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
        namespace: default
      """;

  /**
   * The claims a release's values name are carried with its document: an edit of the values gives
   * the need graph of a fresh analysis, and one back gives the first graph again.
   */
  @Test
  void anEditOfTheClaimsAReleaseMountsReachesTheNeedGraph() {
    // Each analysis is made after the one before it has built its graph: a snapshot carries what
    // its predecessor's analysis had computed when the snapshot was made.
    Analysis before = Fixture.of(RELEASE).analysis();
    assertEquals(java.util.List.of("PersistentVolumeClaim/default/data"), mounted(before));
    String path = "apps/release.yaml";
    String text = before.snapshot().file(path).orElseThrow().text();
    Snapshot edited =
        before
            .snapshot()
            .withFile(
                SourceFile.parse(path, text.replace("existingClaim: data", "existingClaim: x")));
    Analysis after = new Analysis(edited);
    assertEquals(java.util.List.of(), mounted(after));
    assertEquals(
        mounted(Fixture.of(RELEASE.replace("existingClaim: data", "existingClaim: x")).analysis()),
        mounted(after));
    Analysis back = new Analysis(edited.withFile(SourceFile.parse(path, text)));
    assertEquals(java.util.List.of("PersistentVolumeClaim/default/data"), mounted(back));
  }

  /** What the release's readiness waits for being bound. */
  private static java.util.List<String> mounted(Analysis analysis) {
    Cluster cluster = of(analysis, "apps/release.yaml");
    NeedGraph.Node ready =
        new NeedGraph.Node(
            NeedGraph.Kind.READY,
            new dev.strata.workspace.ObjectId("HelmRelease", "default", "app"));
    return analysis.needs(cluster).needs(ready).stream()
        .filter(e -> e.to().kind() == NeedGraph.Kind.BOUND)
        .map(e -> e.to().id().toString())
        .toList();
  }
}
