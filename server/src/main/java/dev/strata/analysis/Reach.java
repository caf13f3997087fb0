package dev.strata.analysis;

import dev.strata.model.HelmRelease;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the render reached: clusters, the Flux Kustomizations and HelmReleases they apply (each
 * object once per cluster), and the Flux releases they run. A quiet result is only worth as much as
 * this: a repository whose clusters Strata does not find is silent because it is not analysed.
 */
public record Reach(int clusters, int kustomizations, int helmReleases, Set<String> flux) {
  public static Reach of(Analysis analysis) {
    int kustomizations = 0;
    int helmReleases = 0;
    Set<String> flux = new LinkedHashSet<>();
    for (Cluster cluster : analysis.clusters()) {
      kustomizations += cluster.kustomizations().size();
      helmReleases +=
          (int)
              cluster.objects().stream()
                  .filter(a -> a.manifest() instanceof HelmRelease)
                  .map(Applied::id)
                  .distinct()
                  .count();
      Optional<DeployedVersions.Release> release = analysis.deployed(cluster).flux();
      flux.add(release.map(r -> r.version().toString()).orElse("unknown"));
    }
    return new Reach(analysis.clusters().size(), kustomizations, helmReleases, Set.copyOf(flux));
  }

  /** "2 clusters, 103 Kustomizations, 91 HelmReleases (Flux 2.2.2)". */
  public String describe() {
    return plural(clusters, "cluster")
        + ", "
        + plural(kustomizations, "Kustomization")
        + ", "
        + plural(helmReleases, "HelmRelease")
        + (clusters == 0
            ? ""
            : " (Flux " + String.join(", ", flux.stream().sorted().toList()) + ")");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
