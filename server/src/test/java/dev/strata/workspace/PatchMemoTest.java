package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.model.FluxKustomization;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a Flux Kustomization's {@code patches} make of the objects of its build is kept across
 * renders by object and patch: an edit elsewhere in the build leaves the patched objects of its
 * untouched parts as they were, and an edit of the patch reaches every object it targets.
 */
class PatchMemoTest {
  private static final Path LAYERED =
      Path.of(System.getProperty("strata.examples", "../examples"), "layered");
  private static final String ROOT = "kubernetes/flux/cluster/ks.yaml";
  private static final String SIBLING = "kubernetes/apps/default/paperless/ks.yaml";

  private Snapshot base;

  @BeforeEach
  void load() throws IOException {
    assumeTrue(Files.isDirectory(LAYERED), "no layered example");
    base = Loader.load(LAYERED);
  }

  @Test
  void anEditElsewhereInTheBuildKeepsThePatchedObjectsOfItsOtherParts() {
    Manifest before = kustomization(base.render(), "ceph-csi");
    Snapshot edited = edit(base, SIBLING, "# tuned\n");
    Manifest after = kustomization(edited.render(), "ceph-csi");
    assertSame(before, after);
    assertNotSame(
        kustomization(base.render(), "paperless"), kustomization(edited.render(), "paperless"));
  }

  @Test
  void anEditOfThePatchReachesEveryKustomizationItTargets() throws IOException {
    base.render();
    Snapshot incremental =
        replace(base, ROOT, "name: sops-age\n      target", "name: sops-b\n      target");
    Snapshot fresh =
        replace(
            Loader.load(LAYERED),
            ROOT,
            "name: sops-age\n      target",
            "name: sops-b\n      target");
    Map<String, String> secrets = secretRefs(incremental.render());
    assertEquals(secretRefs(fresh.render()), secretRefs(incremental.render()));
    assertEquals("sops-b", secrets.get("ceph-csi"));
  }

  /**
   * A rebuilt build takes in the documents of its unchanged files as the same objects, so what a
   * patch made of them is found again: the patched ConfigMap of the untouched file is the same
   * instance after an edit of its neighbour.
   */
  @Test
  void aRebuiltBuildFindsThePatchedFormsOfItsUnchangedFiles() {
    Snapshot snapshot =
        dev.strata.testing.Fixture.of(
                """
                #- clusters/home/flux-system/gotk-sync.yaml
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata: {name: flux-system, namespace: flux-system}
                spec: {url: https://example.com/fleet, ref: {branch: main}}
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: flux-system, namespace: flux-system}
                spec:
                  path: ./clusters/home
                  sourceRef: {kind: GitRepository, name: flux-system}
                #- clusters/home/apps.yaml
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: apps, namespace: flux-system}
                spec:
                  path: ./apps
                  sourceRef: {kind: GitRepository, name: flux-system}
                  patches:
                    - patch: |-
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: _}
                        data: {patched: "yes"}
                      target: {kind: ConfigMap}
                #- apps/kustomization.yaml
                resources: [a.yaml, b.yaml]
                #- apps/a.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: default}
                #- apps/b.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b, namespace: default}
                """)
            .snapshot();
    Manifest before = object(snapshot.render(), "a");
    Snapshot edited = edit(snapshot, "apps/b.yaml", "data: {b: \"1\"}\n");
    assertSame(before, object(edited.render(), "a"));
    assertNotSame(object(snapshot.render(), "b"), object(edited.render(), "b"));
  }

  private static Manifest object(RenderTree tree, String name) {
    return tree.clusters().stream()
        .flatMap(c -> c.objects().stream())
        .filter(a -> a.id().kind().equals("ConfigMap") && a.id().name().equals(name))
        .map(Applied::manifest)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
  }

  private static Snapshot edit(Snapshot snapshot, String path, String appended) {
    String text = snapshot.file(path).orElseThrow().text();
    return snapshot.withFile(SourceFile.parse(path, text + appended));
  }

  private static Snapshot replace(Snapshot snapshot, String path, String from, String to) {
    String text = snapshot.file(path).orElseThrow().text();
    assumeTrue(text.contains(from), path + " no longer holds its patch");
    return snapshot.withFile(SourceFile.parse(path, text.replace(from, to)));
  }

  private static Manifest kustomization(RenderTree tree, String name) {
    return tree.clusters().stream()
        .flatMap(c -> c.objects().stream())
        .filter(a -> a.manifest() instanceof FluxKustomization && a.id().name().equals(name))
        .map(Applied::manifest)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Kustomization " + name));
  }

  /** Each applied Kustomization's decryption secret, by name. */
  private static Map<String, String> secretRefs(RenderTree tree) {
    Map<String, String> result = new TreeMap<>();
    tree.clusters().stream()
        .flatMap(c -> c.objects().stream())
        .filter(a -> a.manifest() instanceof FluxKustomization)
        .forEach(
            a ->
                result.put(
                    a.id().name(),
                    ((FluxKustomization) a.manifest())
                        .decryption()
                        .flatMap(d -> d.secretRef())
                        .map(Located::value)
                        .orElse("-")));
    return result;
  }
}
