package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files outside the repository root are never read, whether a {@code resources:} entry or a Flux
 * {@code spec.path} climbs out with {@code ..}, or a symbolic link points out. The outside files
 * hold a unique marker and would raise findings if analysed; a FIFO outside would block any reader
 * forever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContainmentTest {
  private static final String MARKER = "outside-marker-6d2c";

  @TempDir Path temp;
  private Path root;
  private Path outside;

  @BeforeEach
  void repositoryNextToAnOutsideFolder() throws IOException {
    root = Files.createDirectories(temp.resolve("repo"));
    outside = Files.createDirectories(temp.resolve(MARKER));
    String secret =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
            + MARKER
            + "\nstringData:\n  password: "
            + MARKER
            + "\n";
    Disk.write(outside, "secret.yaml", secret);
    Disk.write(outside, "kustomization.yaml", "resources:\n  - secret.yaml\n");
    Disk.write(
        outside,
        "nested/ks.yaml",
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: "
            + MARKER
            + "\n  namespace: flux-system\n"
            + "spec:\n  path: ./x\n  dependsOn:\n    - name: "
            + MARKER
            + "\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n");
    Disk.write(root, "clusters/prod/apps.yaml", kustomization("apps", "./apps"));
    Disk.write(root, "clusters/prod/climb.yaml", kustomization("climb", "../../../" + MARKER));
    Disk.write(
        root,
        "clusters/prod/deep.yaml",
        kustomization("deep", "./../../../../../../../../" + MARKER + "/nested"));
    Disk.write(root, "clusters/prod/absolute.yaml", kustomization("absolute", outside.toString()));
    Disk.write(
        root,
        "apps/kustomization.yaml",
        "resources:\n  - ../../"
            + MARKER
            + "/secret.yaml\n  - ../../"
            + MARKER
            + "\n  - ../../../../../../../etc/passwd\n"
            + "  - "
            + outside.resolve("secret.yaml")
            + "\n  - ./linked.yaml\n  - ./linked-dir\n"
            + "components:\n  - ../../"
            + MARKER
            + "\n");
  }

  private static String kustomization(String name, String path) {
    return "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: "
        + name
        + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: "
        + path
        + "\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
  }

  private void linkOutside() throws IOException {
    try {
      Files.createSymbolicLink(root.resolve("apps/linked.yaml"), outside.resolve("secret.yaml"));
      Files.createSymbolicLink(root.resolve("apps/linked-dir"), outside);
      Files.createSymbolicLink(root.resolve("linked-root"), temp);
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no symbolic links here");
    }
  }

  @Test
  void neverReadsOutsideTheRoot() throws IOException {
    linkOutside();
    Snapshot snapshot = Analyses.load(root);
    for (SourceFile file : snapshot.files()) {
      assertFalse(
          file.text().contains(MARKER)
              && !file.path().startsWith("clusters/")
              && !file.path().startsWith("apps/kustomization"),
          file.path() + " was read from outside");
      assertFalse(file.path().contains(".."), file.path());
      assertFalse(
          file.path().startsWith("apps/linked") || file.path().startsWith("linked-root"),
          file.path());
    }
    List<Finding> findings = Analyses.check(snapshot);
    for (Finding finding : findings) {
      assertFalse(
          finding.file().contains(MARKER) || finding.file().contains(".."), finding.toString());
      assertFalse(
          finding.rule().equals("unencrypted-secret") || finding.rule().equals("dependency-cycle"),
          finding.toString());
    }
    assertFalse(
        Analyses.withRule(findings, "missing-path").isEmpty(),
        "climbing entries are reported: " + findings);
    assertRenderedNothingFromOutside(new Analysis(snapshot));
  }

  @Test
  void noOutputShowsTheOutsideFileAsAnalysed() throws IOException {
    linkOutside();
    // The marker may appear only where a missing-path message quotes the reference that climbs out.
    for (Cli run : Cli.everyOutput(root)) {
      assertTrue(run.finished(), run::toString);
      run.all()
          .lines()
          .filter(l -> l.contains(MARKER))
          .forEach(
              l ->
                  assertTrue(
                      l.contains("points outside the repository") || l.contains("does not exist"),
                      l));
    }
    Cli text = Cli.run("check", root.toString());
    text.out()
        .lines()
        .filter(l -> l.contains(MARKER))
        .forEach(l -> assertTrue(l.contains("error[missing-path]"), l));
  }

  @Test
  void neverOpensAFifoOutsideOrInside() throws Exception {
    Path fifo = outside.resolve("pipe.yaml");
    Path inner = root.resolve("apps/pipe.yaml");
    assumeTrue(mkfifo(fifo) && mkfifo(inner), "mkfifo is not available");
    Files.createSymbolicLink(root.resolve("apps/fifo-link.yaml"), fifo);
    Disk.write(
        root,
        "apps/kustomization.yaml",
        "resources:\n  - ./fifo-link.yaml\n  - ./pipe.yaml\n  - ../../" + MARKER + "/pipe.yaml\n");
    Snapshot snapshot = Analyses.load(root);
    assertTrue(
        snapshot.files().stream()
            .noneMatch(f -> f.path().contains("pipe") || f.path().contains("fifo")),
        snapshot.files().stream().map(SourceFile::path).toList().toString());
    Analyses.check(snapshot);
    assertTrue(Cli.run("check", root.toString()).finished());
  }

  private static void assertRenderedNothingFromOutside(Analysis analysis) {
    String rendered = analysis.snapshot().render().toString();
    assertFalse(
        rendered.contains("Secret/" + MARKER) || rendered.contains("/" + MARKER + "/"), rendered);
  }

  /**
   * Test code may start {@code mkfifo}; main code may not start anything (see
   * NoProcessOrNetworkTest).
   */
  private static boolean mkfifo(Path path) {
    try {
      Process process =
          new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return process.waitFor(10, TimeUnit.SECONDS)
          && process.exitValue() == 0
          && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void theOutsideFilesWouldBeFoundIfTheyWereInside() throws IOException {
    Disk.write(root, "apps/inside.yaml", Files.readString(outside.resolve("secret.yaml")));
    Disk.write(root, "apps/kustomization.yaml", "resources:\n  - ./inside.yaml\n");
    List<Finding> findings = Analyses.check(root);
    assertEquals(1, Analyses.withRule(findings, "unencrypted-secret").size(), findings.toString());
  }
}
