package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CommandLineRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCommandTest {
  private static Path examples() {
    return Path.of(System.getProperty("strata.examples", "../examples"));
  }

  @Test
  void failsOnTheBrokenExampleWithTheChainThatBlocksExternalSecrets() {
    CommandLineRun run = CommandLineRun.of("bootstrap", examples().resolve("broken").toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("Cluster kubernetes/flux/cluster, secret provider unreachable:"),
        run.out());
    assertTrue(run.out().contains("    blocked  storage/ceph-csi (bootstrap)\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "    blocked  external-secrets/external-secrets (bootstrap)\n"
                    + "             external-secrets/external-secrets depends on storage/ceph-csi\n"
                    + "             storage/ceph-csi StorageClass cephfs (CSI secret) needs Secret storage/ceph-csi-cephfs-secret, which only ExternalSecret storage/ceph-csi-cephfs produces\n"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "Verdict: this cluster cannot be rebuilt from Git while the secret provider is down"),
        run.out());
  }

  @Test
  void passesOnTheLayeredExampleWhereOnlyApplicationsWait() {
    CommandLineRun run = CommandLineRun.of("bootstrap", examples().resolve("layered").toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("    ok       storage/ceph-csi (bootstrap)\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "  Blocked: 1 Kustomizations\n    blocked  default/paperless (application)\n"),
        run.out());
    assertTrue(
        run.out().contains("Verdict: every bootstrap Kustomization comes up from Git alone."),
        run.out());
  }

  @Test
  void simulatesOnlyTheNamedCluster(@TempDir Path folder) {
    SecretsCommandTest.canaryRepository(folder);
    String staging =
        SecretsCommandTest.CANARY_REPOSITORY.replace("clusters/home", "clusters/staging");
    dev.strata.testing.TempRepository.write(
        folder, staging.substring(0, staging.indexOf("#- infra/")));
    CommandLineRun all = CommandLineRun.of("bootstrap", folder.toString());
    assertTrue(
        all.out().contains("Cluster clusters/home,")
            && all.out().contains("Cluster clusters/staging,"),
        all.out());
    CommandLineRun one =
        CommandLineRun.of("bootstrap", folder.toString(), "--cluster", "clusters/home");
    assertEquals(1, one.exitCode(), one.toString());
    assertTrue(
        one.out().startsWith("Cluster clusters/home, secret provider unreachable:"), one.out());
    assertTrue(!one.out().contains("clusters/staging"), one.out());
  }

  @Test
  void exitsWithTwoOnAnUnknownCluster() {
    CommandLineRun run =
        CommandLineRun.of(
            "bootstrap", examples().resolve("layered").toString(), "--cluster", "nope");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("no cluster named nope; clusters: [kubernetes/flux/cluster]"),
        run.err());
  }

  @Test
  void exitsWithTwoOnAFolderThatDoesNotExist(@TempDir Path folder) {
    CommandLineRun run = CommandLineRun.of("bootstrap", folder.resolve("missing").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no such directory"), run.err());
  }

  @Test
  void exitsWithTwoWhenNoClusterRootIsFound(@TempDir Path folder) {
    CommandLineRun run = CommandLineRun.of("bootstrap", folder.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no cluster root found"), run.err());
  }

  @Test
  void neverPrintsASecretValue(@TempDir Path folder) {
    CommandLineRun run =
        CommandLineRun.of("bootstrap", SecretsCommandTest.canaryRepository(folder).toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("blocked  flux-system/ceph-csi (bootstrap)"), run.out());
    SecretsCommandTest.assertNoCanary(run);
  }
}
