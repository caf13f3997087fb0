package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose Kustomization substitutes variables from a ConfigMap of the cluster renders twice
 * (first without the ConfigMap's values, then with them), so each object is applied with two
 * substitutions. After an edit of one file, every other object is applied as the instance the last
 * render made, with either substitution, and the render is a fresh load's.
 */
class AppliedMemoTest {
  @TempDir Path folder;

  private static String app(String name, String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: "
        + name
        + ", namespace: default}\nspec:\n  template:\n    spec:\n      containers:\n"
        + "        - {name: app, image: \"${REGISTRY}/"
        + image
        + "\"}\n";
  }

  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("clusters/main/flux-system/gotk-sync.yaml", TransformMemoTest.GOTK_SYNC),
          Map.entry(
              "clusters/main/flux-system/kustomization.yaml", "resources: [./gotk-sync.yaml]\n"),
          Map.entry(
              "clusters/main/settings.yaml",
              """
              apiVersion: v1
              kind: ConfigMap
              metadata: {name: cluster-settings, namespace: flux-system}
              data: {REGISTRY: registry.example.com}
              """),
          Map.entry(
              "clusters/main/apps.yaml",
              """
              apiVersion: kustomize.toolkit.fluxcd.io/v1
              kind: Kustomization
              metadata: {name: apps, namespace: flux-system}
              spec:
                path: ./apps
                prune: true
                sourceRef: {kind: GitRepository, name: flux-system}
                postBuild:
                  substituteFrom:
                    - {kind: ConfigMap, name: cluster-settings}
              """),
          Map.entry(
              "apps/kustomization.yaml",
              "resources: [./one.yaml, ./two.yaml, ./three.yaml, ./four.yaml, ./five.yaml]\n"),
          Map.entry("apps/one.yaml", app("one", "one:1")),
          Map.entry("apps/two.yaml", app("two", "two:1")),
          Map.entry("apps/three.yaml", app("three", "three:1")),
          Map.entry("apps/four.yaml", app("four", "four:1")),
          Map.entry("apps/five.yaml", app("five", "five:1")));

  @Test
  void anEditMakesNewAppliedObjectsOnlyForTheEditedFile() throws IOException {
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    Snapshot snapshot = Loader.load(folder);
    Cluster cluster = snapshot.render().clusters().get(0);
    Applied two =
        cluster.objects().stream()
            .filter(a -> a.id().name().equals("two"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("two not rendered: " + cluster.objects()));
    // The render reaches what the test is about: the variable resolved from the cluster's own
    // ConfigMap, which only the second pass knows.
    assertEquals("registry.example.com", two.substitution().values().get("REGISTRY"));
    int fresh = snapshot.computedApplied();
    int objects = cluster.objects().size();
    // The objects under the substituting Kustomization are applied once by each pass.
    assertTrue(fresh > objects, fresh + " applied objects made for " + objects + " objects");

    for (int round = 0; round < 3; round++) {
      String edited = app("one", "one:" + (round + 2));
      Files.writeString(folder.resolve("apps/one.yaml"), edited);
      snapshot = snapshot.withFile(SourceFile.parse("apps/one.yaml", edited));
      assertEquals(
          RenderMemoTest.fingerprint(Loader.load(folder).render()),
          RenderMemoTest.fingerprint(snapshot.render()),
          "round " + round);
      // The edited Deployment, once for each pass, and the root's seed, which the root finder
      // finds afresh.
      assertTrue(
          snapshot.computedApplied() <= 3,
          "round " + round + ": " + snapshot.computedApplied() + " applied objects made");
    }
  }
}
