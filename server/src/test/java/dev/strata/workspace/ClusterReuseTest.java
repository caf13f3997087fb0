package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render after an edit hands out the previous render's instance of every cluster the edit does
 * not reach, and a new one for the cluster it changes, even when the edit leaves the cluster's
 * objects equal (a comment): what the analysis derived from a cluster is kept by that instance.
 */
class ClusterReuseTest {
  @TempDir Path folder;
  private Snapshot before;

  private static String sync(String cluster) {
    return """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 1m
          url: ssh://git@example.com/fleet
          ref:
            branch: main
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 10m
          path: ./clusters/%s
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        """
        .formatted(cluster);
  }

  private static String apps(String cluster) {
    return """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          interval: 10m
          path: ./apps/%s
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        """
        .formatted(cluster);
  }

  private static String configMap(String colour) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n"
        + "data:\n  colour: "
        + colour
        + "\n";
  }

  @BeforeEach
  void twoClusters() throws IOException {
    for (String cluster : List.of("one", "two")) {
      write("clusters/" + cluster + "/flux-system/gotk-sync.yaml", sync(cluster));
      write(
          "clusters/" + cluster + "/flux-system/kustomization.yaml",
          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
              + "resources:\n  - gotk-sync.yaml\n");
      write("clusters/" + cluster + "/apps.yaml", apps(cluster));
      write("apps/" + cluster + "/configmap.yaml", configMap("blue"));
    }
    before = Loader.load(folder);
    assertEquals(2, before.render().clusters().size());
  }

  private void write(String path, String text) throws IOException {
    Files.createDirectories(folder.resolve(path).getParent());
    Files.writeString(folder.resolve(path), text);
  }

  private Cluster cluster(Snapshot snapshot, String file) {
    return snapshot.render().clustersOf(file).get(0);
  }

  @Test
  void anEditInOneClusterKeepsTheOther() throws IOException {
    String one = "apps/one/configmap.yaml";
    String two = "apps/two/configmap.yaml";
    Snapshot after = before.withFile(SourceFile.parse(one, configMap("red")));
    assertSame(cluster(before, two), cluster(after, two));
    assertNotSame(cluster(before, one), cluster(after, one));
    assertEquals(1, after.reusedClusters());
    write(one, configMap("red"));
    assertEquals(
        RenderMemoTest.fingerprint(Loader.load(folder).render()),
        RenderMemoTest.fingerprint(after.render()),
        "the reused render is the render from scratch");
  }

  @Test
  void anEditInOneClusterRendersOnlyThatCluster() throws IOException {
    String one = "apps/one/configmap.yaml";
    Snapshot after = before.withFile(SourceFile.parse(one, configMap("red")));
    assertEquals(1, after.renderedClusters());
    write(one, configMap("red"));
    assertEquals(
        RenderMemoTest.fingerprint(Loader.load(folder).render()),
        RenderMemoTest.fingerprint(after.render()));
  }

  @Test
  void aChangedSourceRendersTheOtherClusterAgain() throws IOException {
    String sync = "clusters/two/flux-system/gotk-sync.yaml";
    String moved = sync("two").replace("example.com/fleet", "example.com/moved");
    Snapshot after = before.withFile(SourceFile.parse(sync, moved));
    assertEquals(2, after.renderedClusters());
    write(sync, moved);
    assertEquals(
        RenderMemoTest.fingerprint(Loader.load(folder).render()),
        RenderMemoTest.fingerprint(after.render()));
  }

  /**
   * A cluster taken without rendering keeps the builds it asked for: here {@code apps} builds with
   * the namespace its parent's {@code postBuild} substitutes, a build nothing else asks for. After
   * an edit in the other cluster, an edit of this cluster's root file rebuilds as few builds as it
   * does right after a full render.
   */
  @Test
  void aClusterTakenWithoutRenderingKeepsItsBuildsForTheRenderAfter() throws IOException {
    Path repository = folder.resolve("substituted");
    for (String cluster : List.of("one", "two")) {
      String sync =
          sync(cluster)
              .replace(
                  "  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
                  "  sourceRef:\n    kind: GitRepository\n    name: flux-system\n"
                      + "  postBuild:\n    substitute:\n      NS: team-"
                      + cluster
                      + "\n");
      write(repository, "clusters/" + cluster + "/flux-system/gotk-sync.yaml", sync);
      write(
          repository,
          "clusters/" + cluster + "/flux-system/kustomization.yaml",
          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
              + "resources:\n  - gotk-sync.yaml\n");
      write(
          repository,
          "clusters/" + cluster + "/apps.yaml",
          apps(cluster) + "  targetNamespace: ${NS}\n");
      write(repository, "apps/" + cluster + "/configmap.yaml", configMap("blue"));
    }
    String elsewhere = "apps/one/configmap.yaml";
    String root = "clusters/two/apps.yaml";

    Snapshot direct = Loader.load(repository);
    direct.render();
    direct = commented(direct, root);
    int alone = direct.builds() - direct.reusedBuilds();

    Snapshot chained = Loader.load(repository);
    chained.render();
    chained = chained.withFile(SourceFile.parse(elsewhere, configMap("red")));
    assertEquals(1, chained.renderedClusters());
    chained = commented(chained, root);
    assertEquals(alone, chained.builds() - chained.reusedBuilds());
    assertEquals(
        "team-two",
        chained.render().clusters().stream()
            .flatMap(c -> c.kustomizations().stream())
            .filter(k -> k.id().name().equals("apps") && k.path().orElse("").contains("two"))
            .findFirst()
            .orElseThrow()
            .applied()
            .substituted("${NS}"));
  }

  private static Snapshot commented(Snapshot snapshot, String path) {
    Snapshot next =
        snapshot.withFile(
            SourceFile.parse(path, snapshot.file(path).orElseThrow().text() + "# tuned\n"));
    next.render();
    return next;
  }

  private static void write(Path root, String path, String text) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), text);
  }

  @Test
  void aClusterWhoseFileChangedIsNewEvenWhenItsObjectsAreEqual() {
    String one = "apps/one/configmap.yaml";
    Snapshot after = before.withFile(SourceFile.parse(one, configMap("blue") + "# a note\n"));
    assertNotSame(cluster(before, one), cluster(after, one));
  }

  @Test
  void anUneditedSnapshotKeepsEveryCluster() {
    Snapshot after = before.withFile(before.file("apps/one/configmap.yaml").orElseThrow());
    assertEquals(2, after.reusedClusters());
    assertSame(before.render().clusters().get(0), after.render().clusters().get(0));
  }
}
