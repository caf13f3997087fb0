package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.Manifest;
import dev.strata.model.ObjectReference;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ExternalContent;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.SourceFile;
import dev.strata.workspace.Unreached;
import java.util.Optional;

/**
 * A HelmRelease whose chart source ({@code spec.chartRef}, or {@code spec.chart.spec.sourceRef})
 * names no source of that kind that its cluster applies, in the namespace helm-controller looks in
 * (the release's own unless the reference says otherwise): the release never installs. A source the
 * repository defines but does not apply is named, with why it is not applied. Builds Strata cannot
 * see may define it, and then nothing is said.
 */
public final class UnknownChartSourceRule implements Rule {
  @Override
  public String id() {
    return "unknown-chart-source";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A HelmRelease's chart source is not applied in its cluster: it never installs.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    Unreached unreached = new Unreached(analysis.snapshot());
    SameSpot spots = new SameSpot();
    for (Cluster cluster : analysis.clusters()) {
      ExternalContent external = new ExternalContent(cluster);
      for (Applied applied : cluster.objects()) {
        if (!(applied.manifest() instanceof HelmRelease release)
            || release.chartSource().isEmpty()) {
          continue;
        }
        ObjectReference ref = release.chartSource().get();
        ObjectId source = dev.strata.analysis.ChartSources.of(applied, ref);
        if (source.unresolved() || !cluster.find(source).isEmpty()) {
          continue;
        }
        Optional<String> dead = definedButNotApplied(analysis, unreached, source);
        if (dead.isEmpty() && external.mayDefine(source.kind(), source.namespace())) {
          continue;
        }
        String text =
            "HelmRelease "
                + applied.id().qualifiedName()
                + " takes its chart from "
                + source.kind()
                + " "
                + source.qualifiedName()
                + ", "
                + dead.orElse(
                    "but no "
                        + source.kind()
                        + " of that name is applied in namespace "
                        + source.namespace()
                        + " of cluster "
                        + cluster.name())
                + "; helm-controller never installs it (the release stays not Ready)";
        spots.add(finding(applied.file(), ref.name().range(), text));
      }
    }
    spots.reportTo(reporter);
  }

  private static Optional<String> definedButNotApplied(
      Analysis analysis, Unreached unreached, ObjectId source) {
    for (SourceFile file : analysis.snapshot().files()) {
      for (Manifest manifest : file.manifests()) {
        if (manifest instanceof FluxSource
            && manifest.kind().equals(source.kind())
            && manifest.meta().nameText().equals(source.name())) {
          Optional<String> why = unreached.why(file.path());
          if (why.isPresent()) {
            return Optional.of(
                "which is defined in " + file.path() + " but not applied: " + why.get());
          }
        }
      }
    }
    return Optional.empty();
  }
}
