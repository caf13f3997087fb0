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
 * The layout of the cluster template most home-operations repositories start from: a Flux
 * Kustomization patches every Kustomization of a folder whose namespace folders set {@code
 * namespace:} and a {@code replacements:} on their Flux Kustomizations. An edit of one file there
 * recomputes the transformations and patches of that file's objects only, and renders what a fresh
 * load of the same files renders.
 */
class TransformMemoTest {
  @TempDir Path folder;

  /** What {@code flux bootstrap} writes for a cluster rooted at {@code clusters/main}. */
  static final String GOTK_SYNC =
      """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata: {name: flux-system, namespace: flux-system}
      spec: {url: "ssh://git@example.com/repo.git", ref: {branch: main}}
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: flux-system, namespace: flux-system}
      spec:
        path: ./clusters/main
        prune: true
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("clusters/main/flux-system/gotk-sync.yaml", GOTK_SYNC),
          Map.entry(
              "clusters/main/flux-system/kustomization.yaml", "resources: [./gotk-sync.yaml]\n"),
          Map.entry(
              "clusters/main/apps.yaml",
              """
              apiVersion: kustomize.toolkit.fluxcd.io/v1
              kind: Kustomization
              metadata: {name: cluster-apps, namespace: flux-system}
              spec:
                path: ./apps
                prune: true
                sourceRef: {kind: GitRepository, name: flux-system}
                patches:
                  - patch: |-
                      apiVersion: kustomize.toolkit.fluxcd.io/v1
                      kind: Kustomization
                      metadata: {name: _}
                      spec: {timeout: 10m}
                    target: {group: kustomize.toolkit.fluxcd.io, kind: Kustomization}
              """),
          Map.entry("apps/kustomization.yaml", "resources: [./team-a, ./team-b]\n"),
          Map.entry(
              "apps/team-a/kustomization.yaml",
              """
              namespace: team-a
              replacements:
                - path: ../../replacements/ks.yaml
              resources: [./namespace.yaml, ./one.yaml, ./two.yaml]
              """),
          Map.entry(
              "apps/team-b/kustomization.yaml",
              """
              namespace: team-b
              replacements:
                - path: ../../replacements/ks.yaml
              resources: [./namespace.yaml, ./three.yaml]
              """),
          Map.entry(
              "replacements/ks.yaml",
              """
              - source: {kind: Namespace, fieldPath: metadata.name}
                targets:
                  - select: {kind: Kustomization, group: kustomize.toolkit.fluxcd.io}
                    fieldPaths: [spec.targetNamespace]
                    options: {create: true}
              """),
          Map.entry(
              "apps/team-a/namespace.yaml",
              "apiVersion: v1\nkind: Namespace\nmetadata: {name: placeholder}\n"),
          Map.entry(
              "apps/team-b/namespace.yaml",
              "apiVersion: v1\nkind: Namespace\nmetadata: {name: placeholder}\n"),
          Map.entry("apps/team-a/one.yaml", kustomization("one", "two")),
          Map.entry("apps/team-a/two.yaml", kustomization("two", "three")),
          Map.entry("apps/team-b/three.yaml", kustomization("three", null)));

  private static String kustomization(String name, String dependsOn) {
    return "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: "
        + name
        + ", namespace: flux-system}\nspec:\n  path: ./workloads/"
        + name
        + "\n  prune: true\n"
        + "  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}\n"
        + (dependsOn == null ? "" : "  dependsOn:\n    - name: " + dependsOn + "\n");
  }

  private Path write() throws IOException {
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return folder;
  }

  @Test
  void anEditInANamespaceFolderRecomputesOnlyTheEditedFilesSteps() throws IOException {
    Path repository = write();
    Snapshot before = Loader.load(repository);
    RenderTree first = before.render();
    Cluster cluster = first.clusters().get(0);
    // The render reaches what the test is about: the three Kustomizations, namespaced, replaced
    // and patched.
    for (String name : new String[] {"one", "two", "three"}) {
      Applied applied =
          cluster.objects().stream()
              .filter(a -> a.id().kind().equals("Kustomization") && a.id().name().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " not rendered: " + cluster.objects()));
      var spec = dev.strata.model.Fields.of(applied.meta().node());
      assertEquals("10m", spec.text("spec", "timeout").orElseThrow().value(), name);
      assertTrue(spec.text("spec", "targetNamespace").isPresent(), name + " not replaced");
      assertTrue(applied.id().namespace().startsWith("team-"), applied.id() + " not namespaced");
      assertEquals("flux-system/cluster-apps", applied.owner().orElseThrow().qualifiedName());
    }
    int fresh = before.computedSteps();

    String path = "apps/team-a/one.yaml";
    String edited = kustomization("one", "three");
    Files.writeString(repository.resolve(path), edited);
    Snapshot after = before.withFile(SourceFile.parse(path, edited));
    assertEquals(
        RenderMemoTest.fingerprint(Loader.load(repository).render()),
        RenderMemoTest.fingerprint(after.render()));
    // The namespace, the replacement and the patch of the one edited object, once: every build
    // context that takes the new document in (the source resolver's, the root finder's) finds the
    // others' results; the other objects of team-a come out of the namespace and replacement steps
    // as the instances the patch memo knows.
    assertTrue(
        after.computedSteps() <= 3,
        after.computedSteps() + " steps computed after the edit, " + fresh + " in a fresh render");
    assertTrue(fresh > after.computedSteps() * 2, fresh + " in a fresh render");
    // The applied objects: the edited Kustomization, and the root's seeds, which the root finder
    // finds afresh; every other object comes out of the builds as the same instance.
    assertTrue(
        after.computedApplied() <= 3,
        after.computedApplied()
            + " applied objects made after the edit, "
            + before.computedApplied()
            + " in a fresh render");
    assertTrue(before.computedApplied() >= 8, before.computedApplied() + " in a fresh render");
  }

  /**
   * Edits that alternate between the two namespace folders, for more renders than the memo's layers
   * go deep before it flattens them ({@code KustomizeBuilder.DEPTH}): each render takes the other
   * folder's build whole, and the render after, which rebuilds that folder, still finds the results
   * of its untouched objects, wherever they were kept; and each render is a fresh load's.
   */
  @Test
  void patchResultsOutliveTheLayersOfTheMemo() throws IOException {
    Path repository = write();
    Snapshot snapshot = Loader.load(repository);
    snapshot.render();
    for (int round = 0; round < 2 * KustomizeBuilder.DEPTH + 3; round++) {
      boolean teamA = round % 2 == 0;
      String path = teamA ? "apps/team-a/one.yaml" : "apps/team-b/three.yaml";
      String edited =
          teamA
              ? kustomization("one", round % 4 == 0 ? "three" : "two")
              : kustomization("three", round % 4 == 1 ? "one" : null);
      Files.writeString(repository.resolve(path), edited);
      snapshot = snapshot.withFile(SourceFile.parse(path, edited));
      assertEquals(
          RenderMemoTest.fingerprint(Loader.load(repository).render()),
          RenderMemoTest.fingerprint(snapshot.render()),
          "round " + round);
      assertTrue(
          snapshot.computedSteps() <= 3,
          "round " + round + ": " + snapshot.computedSteps() + " steps computed");
      assertTrue(
          snapshot.computedApplied() <= 3,
          "round " + round + ": " + snapshot.computedApplied() + " applied objects made");
    }
  }
}
