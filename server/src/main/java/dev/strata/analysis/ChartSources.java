package dev.strata.analysis;

import dev.strata.model.HelmRelease;
import dev.strata.model.ObjectReference;
import dev.strata.workspace.Applied;
import dev.strata.workspace.ObjectId;
import java.util.Optional;

/**
 * The source a HelmRelease's chart comes from, resolved as helm-controller resolves it: {@code
 * spec.chartRef} names an OCIRepository or HelmChart, {@code spec.chart.spec.sourceRef} a
 * HelmRepository, GitRepository or Bucket; the namespace defaults to the release's own.
 */
public final class ChartSources {
  private ChartSources() {}

  public static ObjectId of(Applied release, ObjectReference ref) {
    boolean chartRef =
        Optional.ofNullable(release.meta().node().get("spec").orElse(null))
            .filter(dev.strata.syntax.YamlMapping.class::isInstance)
            .map(s -> ((dev.strata.syntax.YamlMapping) s).get("chartRef").isPresent())
            .orElse(false);
    String kind = ref.kindOr(chartRef ? "OCIRepository" : "HelmRepository");
    String namespace =
        ref.namespace().map(n -> release.substituted(n.value())).orElse(release.id().namespace());
    return new ObjectId(kind, namespace, release.substituted(ref.name().value()));
  }

  public static Optional<ObjectId> of(Applied release) {
    return ((HelmRelease) release.manifest()).chartSource().map(ref -> of(release, ref));
  }
}
