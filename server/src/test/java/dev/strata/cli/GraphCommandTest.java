package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  private static final String CLUSTER =
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
      #- clusters/%1$s/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: apps, namespace: flux-system}
      spec:
        path: ./none
        dependsOn: [{name: infra}, {name: monitoring}]
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: infra, namespace: flux-system}
      spec:
        path: ./none
        dependsOn: [{name: %2$s}]
      """;

  @TempDir Path dir;

  @BeforeEach
  void write() {
    TempRepository.write(
        dir, CLUSTER.formatted("production", "apps") + CLUSTER.formatted("staging", "flux-system"));
  }

  private CommandLineRun graph(String... options) {
    List<String> args = new ArrayList<>(List.of("graph", dir.toString()));
    args.addAll(List.of(options));
    return CommandLineRun.of(args.toArray(String[]::new));
  }

  @Test
  void drawsOneMermaidFlowchartPerClusterWithTheCycleInRed() {
    CommandLineRun run = graph();
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("%% cluster clusters/production\nflowchart LR\n"), run.out());
    assertTrue(run.out().contains("%% cluster clusters/staging\nflowchart LR\n"), run.out());
    String production = run.out().substring(0, run.out().indexOf("%% cluster clusters/staging"));
    String staging = run.out().substring(run.out().indexOf("%% cluster clusters/staging"));
    assertTrue(production.contains("stroke:#d00"), production);
    assertFalse(staging.contains("stroke:#d00"), staging);
    assertTrue(production.contains("flux-system/monitoring (missing)"), production);
    assertTrue(production.contains(" -.-> "), production);
  }

  @Test
  void limitsTheGraphToOneClusterWhenAsked() {
    CommandLineRun run = graph("--cluster", "clusters/staging", "--format", "json");
    assertEquals(0, run.exitCode(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(1, json.get("version").getAsInt());
    JsonArray clusters = json.getAsJsonArray("clusters");
    assertEquals(1, clusters.size());
    JsonObject staging = clusters.get(0).getAsJsonObject();
    assertEquals("clusters/staging", staging.get("cluster").getAsString());
    assertEquals(0, staging.getAsJsonArray("cycles").size());
    List<String> nodes = new ArrayList<>();
    staging
        .getAsJsonArray("nodes")
        .forEach(n -> nodes.add(n.getAsJsonObject().get("id").getAsString()));
    assertEquals(
        List.of(
            "Kustomization/flux-system/apps",
            "Kustomization/flux-system/flux-system",
            "Kustomization/flux-system/infra"),
        nodes);
    JsonObject node = staging.getAsJsonArray("nodes").get(0).getAsJsonObject();
    assertEquals("clusters/staging/ks.yaml", node.get("path").getAsString());
  }

  @Test
  void marksTheCycleInJson() {
    JsonObject production =
        JsonParser.parseString(graph("--format", "json", "--cluster", "clusters/production").out())
            .getAsJsonObject()
            .getAsJsonArray("clusters")
            .get(0)
            .getAsJsonObject();
    JsonArray cycles = production.getAsJsonArray("cycles");
    assertEquals(1, cycles.size());
    assertEquals(
        "[\"Kustomization/flux-system/apps\",\"Kustomization/flux-system/infra\"]",
        cycles.get(0).toString());
    long unresolved =
        production.getAsJsonArray("edges").asList().stream()
            .filter(e -> !e.getAsJsonObject().get("resolved").getAsBoolean())
            .count();
    assertEquals(1, unresolved);
  }

  @Test
  void writesDotWithASubgraphPerCluster() {
    CommandLineRun run = graph("--format", "dot");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("digraph strata {"), run.out());
    assertTrue(run.out().contains("subgraph cluster_0"), run.out());
    assertTrue(run.out().contains("subgraph cluster_1"), run.out());
    assertTrue(
        run.out()
            .contains(
                "\"clusters/production:Kustomization/flux-system/apps\" -> \"clusters/production:Kustomization/flux-system/infra\" [color=red];"),
        run.out());
    assertTrue(run.out().trim().endsWith("}"));
  }

  @Test
  void rejectsAClusterThatDoesNotExist() {
    CommandLineRun run = graph("--cluster", "clusters/qa");
    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("clusters/production"), run.err());
  }

  @Test
  void rejectsAFolderThatDoesNotExist() {
    CommandLineRun run = CommandLineRun.of("graph", dir.resolve("nowhere").toString());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void leavesHelmReleasesWithoutEdgesOutOfTheDrawingsButNotOutOfTheJson() {
    TempRepository.write(
        dir,
        """
        #- clusters/production/release.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: lonely, namespace: flux-system}
        spec:
          chart: {spec: {chart: lonely, sourceRef: {kind: HelmRepository, name: charts}}}
        """);
    String mermaid = graph("--cluster", "clusters/production").out();
    assertFalse(mermaid.contains("lonely"), mermaid);
    assertTrue(mermaid.contains("%% 1 HelmRelease without dependsOn edges is not drawn"), mermaid);
    assertFalse(
        graph("--format", "dot", "--cluster", "clusters/production").out().contains("lonely"));
    assertTrue(
        graph("--format", "json", "--cluster", "clusters/production")
            .out()
            .contains("HelmRelease/flux-system/lonely"));
  }
}
