package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot made from a rendered one reuses the builds its edit does not reach, and renders
 * exactly what a snapshot loaded from disk with the same files renders.
 */
class RenderMemoTest {
  private static final Path BROKEN =
      Path.of(System.getProperty("strata.examples", "../examples"), "broken");
  private static final String APP = "kubernetes/apps/storage/ceph-csi/app/";

  @TempDir Path folder;

  /** What a render says, in text: clusters, objects with owners and origins, builds, references. */
  static String fingerprint(RenderTree tree) {
    List<String> lines = new ArrayList<>();
    for (Cluster cluster : tree.clusters()) {
      lines.add("cluster " + cluster.name() + " " + cluster.rootIds());
      for (Applied applied : cluster.objects()) {
        lines.add(
            "  "
                + applied.id()
                + " by "
                + applied.owner().map(ObjectId::toString).orElse("-")
                + " at "
                + applied.file()
                + ":"
                + applied.origin().range());
      }
      for (AppliedKustomization kustomization : cluster.kustomizations()) {
        lines.add("  build " + kustomization.id() + " " + kustomization.status());
      }
      for (PathReference reference : cluster.references()) {
        lines.add(
            "  reference "
                + reference.file()
                + " "
                + reference.written()
                + " "
                + reference.status());
      }
    }
    lines.add("applied " + new java.util.TreeSet<>(tree.appliedFiles()));
    return String.join("\n", lines);
  }

  private Path copy() {
    Path target = folder.resolve("repo");
    try (Stream<Path> walk = Files.walk(BROKEN)) {
      for (Path source : walk.toList()) {
        Path to = target.resolve(BROKEN.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(to);
        } else {
          Files.copy(source, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private interface Edit {
    Snapshot apply(Snapshot before, Path disk) throws IOException;
  }

  /** Applies the edit to a rendered snapshot and to the disk, and compares with a fresh load. */
  private Snapshot check(Edit edit) throws IOException {
    Path repository = copy();
    Snapshot before = Loader.load(repository);
    before.render();
    Snapshot after = edit.apply(before, repository);
    Snapshot fresh = Loader.load(repository);
    assertEquals(fingerprint(fresh.render()), fingerprint(after.render()));
    return after;
  }

  private static Snapshot write(Snapshot snapshot, Path disk, String path, String text)
      throws IOException {
    Files.createDirectories(disk.resolve(path).getParent());
    Files.writeString(disk.resolve(path), text);
    return snapshot.withFile(SourceFile.parse(path, text));
  }

  /** {@link #check} of an edit of one file's text. */
  private Snapshot edited(String path, java.util.function.UnaryOperator<String> change)
      throws IOException {
    return check(
        (before, disk) ->
            write(before, disk, path, change.apply(before.file(path).orElseThrow().text())));
  }

  /** True when a cluster of the snapshot's render applies an object of this name. */
  private static boolean renders(Snapshot snapshot, String name) {
    return snapshot.render().clusters().stream()
        .flatMap(c -> c.objects().stream())
        .anyMatch(a -> a.id().name().equals(name));
  }

  @Test
  void anEditInsideAReleasesValuesRebuildsOnlyWhatReadsThatFile() throws IOException {
    Snapshot after = edited(APP + "helmrelease.yaml", text -> text + "  # tuned\n");
    assertTrue(after.reusedBuilds() > 0, "nothing reused");
    assertTrue(
        after.reusedBuilds() >= after.builds() - 4,
        after.reusedBuilds() + " of " + after.builds() + " builds reused");
  }

  /**
   * An edit that renames an object under a Flux Kustomization's path leaves that Kustomization's
   * arguments (its document, its sources) as they were: its build is carried from the previous
   * render, and its kustomize build asked again, so the rename is rendered.
   */
  @Test
  void aCarriedFluxBuildSeesWhatTheEditChangedBelowIt() throws IOException {
    Snapshot after =
        edited(
            APP + "helmrelease.yaml",
            text -> text.replace("name: ceph-csi-cephfs\nspec:", "name: renamed\nspec:"));
    assertTrue(renders(after, "renamed"), "the rename is not rendered");
    assertTrue(after.carriedBuilds() > 0, "no Flux build carried");
  }

  /** A new file changes the folders' listings: nothing is carried, and the render is a load's. */
  @Test
  void aNewFileCarriesNoFluxBuild() throws IOException {
    Snapshot after =
        check(
            (before, disk) ->
                write(
                    before,
                    disk,
                    APP + "extra.yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n"));
    assertEquals(0, after.carriedBuilds());
  }

  /** A Kustomization whose missing path is created builds: its missing build is not carried. */
  @Test
  void aCreatedPathIsBuilt() throws IOException {
    String ks = "kubernetes/apps/default/echo/ks.yaml";
    String later = "kubernetes/apps/default/echo/later";
    Snapshot after =
        check(
            (before, disk) -> {
              String text = before.file(ks).orElseThrow().text();
              Snapshot moved = write(before, disk, ks, text.replace("echo/app", "echo/later"));
              moved.render();
              return write(
                  moved,
                  disk,
                  later + "/configmap.yaml",
                  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: later\n");
            });
    assertTrue(renders(after, "later"), "the created folder is not built");
  }

  /**
   * A build taken whole from the previous render keeps its parts in the memo: an edit in one part,
   * after an edit elsewhere that left the whole untouched, rebuilds as few builds as the same edit
   * right after a full render.
   */
  @Test
  void theBuildsAnEditRebuildsDoNotDependOnTheEditBefore() throws IOException {
    String elsewhere = APP + "helmrelease.yaml";
    String part = "kubernetes/apps/default/echo/ks.yaml";
    Path repository = copy();
    Snapshot direct = Loader.load(repository);
    direct.render();
    direct = renamed(direct, part);
    direct.render();
    int alone = direct.builds() - direct.reusedBuilds();

    Snapshot chained = Loader.load(repository);
    chained.render();
    chained =
        chained.withFile(
            SourceFile.parse(elsewhere, chained.file(elsewhere).orElseThrow().text() + "# x\n"));
    chained.render();
    chained = renamed(chained, part);
    RenderTree tree = chained.render();
    assertTrue(alone < direct.builds(), alone + " of " + direct.builds() + " rebuilt");
    assertEquals(alone, chained.builds() - chained.reusedBuilds());
    assertEquals(fingerprint(direct.render()), fingerprint(tree));
  }

  private static Snapshot renamed(Snapshot snapshot, String path) {
    String text = snapshot.file(path).orElseThrow().text();
    return snapshot.withFile(SourceFile.parse(path, text.replace("name: echo", "name: echo-2")));
  }

  @Test
  void aNewResourcesEntryIsFollowed() throws IOException {
    check(
        (before, disk) -> {
          String path = APP + "kustomization.yaml";
          String text = before.file(path).orElseThrow().text();
          Snapshot next = write(before, disk, path, text + "  - ./extra.yaml\n");
          return write(
              next,
              disk,
              APP + "extra.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: storage\n");
        });
  }

  @Test
  void aDeletedResourceBecomesMissing() throws IOException {
    check(
        (before, disk) -> {
          Files.delete(disk.resolve(APP + "storageclass.yaml"));
          return before.withoutFile(APP + "storageclass.yaml");
        });
  }

  @Test
  void aNewKustomizationDocumentIsRendered() throws IOException {
    check(
        (before, disk) -> {
          String path = "kubernetes/apps/storage/ceph-csi/ks.yaml";
          String text = before.file(path).orElseThrow().text();
          return write(
              before,
              disk,
              path,
              text
                  + "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                  + "metadata:\n  name: ceph-extra\n  namespace: storage\nspec:\n"
                  + "  path: ./kubernetes/apps/storage/ceph-csi/app\n"
                  + "  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}\n");
        });
  }

  @Test
  void aNewClusterScopedCustomResourceDefinitionRebuildsEverything() throws IOException {
    Snapshot after =
        check(
            (before, disk) ->
                write(
                    before,
                    disk,
                    APP + "crd.yaml",
                    "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                        + "metadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n"
                        + "  scope: Cluster\n  names: {kind: Widget, plural: widgets}\n"));
    assertEquals(0, after.reusedBuilds());
  }

  @Test
  void aBurstOfEditsNeverRenderedInBetweenStillReuses() throws IOException {
    Path repository = copy();
    Snapshot snapshot = Loader.load(repository);
    snapshot.render();
    String path = APP + "helmrelease.yaml";
    String text = snapshot.file(path).orElseThrow().text();
    for (int i = 0; i < 5; i++) {
      text = text + "# edit " + i + "\n";
      snapshot = snapshot.withFile(SourceFile.parse(path, text));
    }
    Files.writeString(repository.resolve(path), text);
    assertTrue(snapshot.reusedBuilds() > 0);
    assertEquals(fingerprint(Loader.load(repository).render()), fingerprint(snapshot.render()));
  }

  @Test
  void anEditToASnapshotThatWasNeverRenderedStartsAfresh() throws IOException {
    Path repository = copy();
    Snapshot before = Loader.load(repository);
    String path = APP + "helmrelease.yaml";
    Snapshot after =
        before.withFile(SourceFile.parse(path, before.file(path).orElseThrow().text() + "# x\n"));
    assertEquals(0, after.reusedBuilds());
  }
}
