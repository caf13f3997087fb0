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
  void failsOnTheBrokenExampleWhoseDependencyCycleKeepsBootstrapDownEvenWithTheProvider() {
    CommandLineRun run = CommandLineRun.of("bootstrap", examples().resolve("broken").toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("Cluster kubernetes/flux/cluster, secret provider unreachable:"),
        run.out());
    assertTrue(run.out().contains("    ok       database/cnpg (infrastructure)\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "    never    storage/ceph-csi (bootstrap)\n"
                    + "             storage/ceph-csi:\n"
                    + "               Kustomization storage/ceph-csi is applied only once Kustomization external-secrets/external-secrets-stores is Ready (dependsOn external-secrets/external-secrets-stores)\n"
                    + "             external-secrets/external-secrets-stores:\n"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "Verdict: this cluster does not come up from Git even with the secret provider up"),
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
                "  Blocked: 1 Kustomizations\n"
                    + "    blocked  default/paperless (application)\n"
                    + "             default/paperless:\n"
                    + "               it applies HelmRelease default/paperless, which never becomes Ready\n"),
        run.out());
    assertTrue(run.out().contains("               the outage stops that\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "Verdict: the infrastructure comes up from Git alone; only applications wait for the secret provider."),
        run.out());
  }

  @Test
  void failsWhenStorageCredentialsFromTheProviderKeepExternalSecretsFromStarting(
      @TempDir Path folder) {
    CommandLineRun run =
        CommandLineRun.of("bootstrap", SecretsCommandTest.canaryRepository(folder).toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .contains(
                "    never    flux-system/external-secrets (bootstrap)\n"
                    + "             flux-system/external-secrets:\n"
                    + "               it applies HelmRelease external-secrets/external-secrets, which never becomes Ready\n"
                    + "               HelmRelease external-secrets/external-secrets is Ready only once PersistentVolumeClaim external-secrets/external-secrets-cache is bound"),
        run.out());
    assertTrue(run.out().contains("    ok       flux-system/ceph-csi (bootstrap)\n"), run.out());
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
    assertTrue(run.out().contains("never    flux-system/external-secrets (bootstrap)"), run.out());
    SecretsCommandTest.assertNoCanary(run);
  }
}
