package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder reached through a symbolic link inside the repository is reported once. */
class RealFilesTest {
  @TempDir Path dir;

  @Test
  void reportsEachRealFileOnceUnderItsOwnPath() throws IOException {
    Path root = TempRepository.write(dir, CheckCommandTest.BROKEN);
    Files.writeString(
        root.resolve("web/app/secret.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata: {name: plain}\nstringData: {token: not-real}\n");
    CommandLineRun before = CommandLineRun.of("check", root.toString(), "--format", "json");
    Files.createSymbolicLink(root.resolve("linked-apps"), Path.of("apps"));
    Files.createSymbolicLink(root.resolve("secret-link.yaml"), Path.of("web/app/secret.yaml"));
    CommandLineRun after = CommandLineRun.of("check", root.toString(), "--format", "json");
    assertEquals(before.out(), after.out());
    CommandLineRun text = CommandLineRun.of("check", root.toString());
    assertTrue(text.out().lines().noneMatch(l -> l.startsWith("linked-apps/")), text.out());
    assertTrue(text.err().contains(" in 6 YAML files; reached 1 cluster"), text.err());
  }

  @Test
  void movesAFindingOnlyTheLinkedCopyHasToTheRealFile() throws IOException {
    Path root = TempRepository.write(dir, CheckCommandTest.CLEAN);
    Path real = Files.createDirectories(root.resolve("shared/web"));
    Files.writeString(
        real.resolve("ks.yaml"),
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: web
          namespace: flux-system
        spec:
          path: ./nowhere
          sourceRef: {kind: GitRepository, name: flux-system}
        """);
    Files.createSymbolicLink(root.resolve("clusters/home/web"), Path.of("../../shared/web"));
    CommandLineRun run = CommandLineRun.of("check", root.toString());
    assertTrue(run.out().startsWith("shared/web/ks.yaml:7:9: error[missing-path]"), run.toString());
    assertEquals(1, run.outLines().size(), run.out());
  }
}
