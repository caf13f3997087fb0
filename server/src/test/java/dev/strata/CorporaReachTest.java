package dev.strata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Loader;
import dev.strata.workspace.RenderTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the render reaches on every real repository of {@code ../shared/corpora}: its clusters, and
 * the Kustomizations and HelmReleases each applies. The counts were established by following each
 * repository by hand as kustomize-controller builds it (see {@code docs/corpora-findings.md}, "What
 * the render reaches"), so a quiet result can be trusted only while these hold. Skipped when the
 * corpora are absent.
 */
class CorporaReachTest {
  /** Repository, cluster (the folder its entry root builds), Kustomizations, HelmReleases. */
  private static final Object[][] REACH = {
    {"Diaoul__home-ops", "kubernetes/flux/cluster", 95, 80},
    {"ahgraber__homelab-gitops-k3s", "kubernetes/flux/cluster", 96, 73},
    {"billimek__k8s-gitops", "setup/flux/cluster", 3, 74},
    {"bjw-s-labs__home-ops", "kubernetes/flux/cluster", 94, 79},
    {"buroa__k8s-gitops", "kubernetes/flux/cluster", 72, 60},
    {"fluxcd__flux2-kustomize-helm-example", "clusters/production", 3, 3},
    {"fluxcd__flux2-kustomize-helm-example", "clusters/staging", 3, 3},
    {"fluxcd__flux2-multi-tenancy", "clusters/production", 5, 0},
    {"fluxcd__flux2-multi-tenancy", "clusters/staging", 5, 0},
    {"haraldkoch__kochhaus-home", "kubernetes/main/flux/cluster", 98, 84},
    {"haraldkoch__kochhaus-home", "kubernetes/network/flux/cluster", 71, 61},
    {"haraldkoch__kochhaus-home", "kubernetes/registry/flux/cluster", 25, 19},
    {"joryirving__home-ops", "kubernetes/clusters/main", 161, 133},
    {"joryirving__home-ops", "kubernetes/clusters/test", 32, 22},
    {"joryirving__home-ops", "kubernetes/clusters/utility", 60, 48},
    {"mirceanton__home-ops", "apps", 107, 100},
    {"onedr0p__home-ops", "kubernetes/flux/cluster", 79, 68},
    {"sulibot__home-ops", "kubernetes/clusters/cluster-101", 135, 96},
    {"sulibot__home-ops", "kubernetes/clusters/cluster-104", 6, 4},
    {"sulibot__home-ops", "kubernetes/clusters/production", 133, 95},
    {"sulibot__home-ops", "kubernetes/flux", 1, 0},
    {"toboshii__home-ops", "cluster/flux", 11, 50},
    {"truxnell__home-cluster", "kubernetes/hegira/flux", 74, 66},
    {"truxnell__home-cluster", "kubernetes/helios/flux", 28, 25},
    {"xunholy__k8s-gitops", "kubernetes/clusters/cluster-00", 72, 66},
  };

  private static Path corpora() {
    return Path.of(System.getProperty("strata.corpora", "../../shared/corpora"));
  }

  @TestFactory
  Stream<DynamicTest> reachesWhatFluxAppliesOnEveryRealRepository() {
    assumeTrue(Files.isDirectory(corpora()), "no corpora at " + corpora());
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (Object[] row : REACH) {
      expected
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .add(row[1] + ": " + row[2] + " Kustomizations, " + row[3] + " HelmReleases");
    }
    return expected.entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      Path repository = corpora().resolve(entry.getKey());
                      assumeTrue(Files.isDirectory(repository), "absent: " + repository);
                      RenderTree tree = Loader.load(repository).render();
                      List<String> actual = new ArrayList<>();
                      for (Cluster cluster : tree.clusters()) {
                        long releases =
                            cluster.objects().stream()
                                .map(Applied::id)
                                .filter(id -> id.kind().equals("HelmRelease"))
                                .distinct()
                                .count();
                        actual.add(
                            cluster.name()
                                + ": "
                                + cluster.kustomizations().size()
                                + " Kustomizations, "
                                + releases
                                + " HelmReleases");
                      }
                      assertEquals(entry.getValue(), actual);
                    }));
  }
}
