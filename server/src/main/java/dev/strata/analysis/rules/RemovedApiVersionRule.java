package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ApiVersions;
import dev.strata.analysis.ApiVersions.Entry;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.DeployedVersions;
import dev.strata.analysis.DeployedVersions.Release;
import dev.strata.analysis.Version;
import dev.strata.model.ObjectMeta;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.Optional;

/**
 * An API version that the controllers a cluster runs do not serve, or that a later release stops
 * serving. The verdict follows the deployed release ({@link DeployedVersions}) and the table of
 * served versions ({@link ApiVersions}, from the controllers' CRDs): error when the deployed
 * release does not serve the version (the apply fails with "no matches for kind"), info when it
 * still does but a later release removes it, warning when the repository does not say which release
 * it runs. A suggested version is always one the deployed release serves.
 */
public final class RemovedApiVersionRule implements ClusterRule {
  private final ApiVersions table = ApiVersions.table();

  @Override
  public String id() {
    return "removed-api-version";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A Flux or External Secrets API version that the deployed controllers do not serve, or"
        + " that a later release removes.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    DeployedVersions deployed = analysis.deployed(cluster);
    for (Applied applied : cluster.objects()) {
      ObjectMeta meta = applied.meta();
      table
          .entry(meta.group(), meta.kind().value(), meta.version())
          .ifPresent(entry -> check(applied, entry, deployed, reporter));
    }
  }

  private void check(Applied applied, Entry entry, DeployedVersions deployed, Reporter reporter) {
    boolean flux = entry.product().equals(ApiVersions.FLUX);
    Optional<Release> release = flux ? deployed.flux() : deployed.externalSecrets();
    String product = flux ? "Flux " : "External Secrets ";
    String subject = entry.kind() + " " + entry.apiVersion();
    if (release.isEmpty()) {
      if (entry.removedIn().isEmpty() && entry.deprecatedIn().isEmpty()) {
        return;
      }
      String newest =
          table
              .newestServed(entry.group(), entry.kind(), table.newest(entry.product()))
              .map(n -> "; " + n.apiVersion() + " is served from " + product + n.servedFrom())
              .orElse("");
      report(
          applied,
          reporter,
          Severity.WARNING,
          subject
              + lifecycle(entry, product)
              + ". Strata found no "
              + product.trim()
              + " version this repository deploys"
              + (flux
                  ? " (a FluxInstance, a flux-manifests OCIRepository, a gotk-components.yaml"
                      + " header or a fluxcd/flux2 install base)"
                  : " (the chart version of its HelmRelease)")
              + ", so whether this cluster still serves it is unknown"
              + newest);
      return;
    }
    Release running = release.get();
    Version version = running.version();
    String suggestion =
        table
            .newestServed(entry.group(), entry.kind(), version)
            .filter(n -> !n.version().equals(entry.version()))
            .map(n -> "; use " + n.apiVersion() + ", which it serves")
            .orElse("");
    if (!entry.servedBy(version)) {
      String why =
          version.compareTo(entry.servedFrom()) < 0
              ? " is not served yet by "
                  + running.describe()
                  + ": it is served from "
                  + product
                  + entry.servedFrom()
              : " is no longer served by " + running.describe() + lifecycle(entry, product);
      report(
          applied,
          reporter,
          Severity.ERROR,
          subject
              + why
              + ". The apply fails with \"no matches for kind\", and with it the whole build"
              + suggestion);
      return;
    }
    if (entry.removedIn().isPresent()
        || entry.deprecatedIn().map(d -> version.compareTo(d) >= 0).orElse(false)) {
      report(
          applied,
          reporter,
          Severity.INFO,
          subject
              + " is served by "
              + running.describe()
              + lifecycle(entry, product)
              + (suggestion.isEmpty()
                  ? "; that release serves no newer version: move before the upgrade that"
                      + " removes it"
                  : suggestion));
    }
  }

  /** ", deprecated in Flux 2.0.0 and removed in Flux 2.8.0". */
  private static String lifecycle(Entry entry, String product) {
    if (entry.deprecatedIn().isPresent() && entry.deprecatedIn().equals(entry.removedIn())) {
      return ", deprecated and no longer served from " + product + entry.removedIn().get();
    }
    String deprecated = entry.deprecatedIn().map(d -> "deprecated in " + product + d).orElse("");
    String removed = entry.removedIn().map(r -> "no longer served from " + product + r).orElse("");
    if (deprecated.isEmpty() && removed.isEmpty()) {
      return "";
    }
    return ", " + deprecated + (deprecated.isEmpty() || removed.isEmpty() ? "" : " and ") + removed;
  }

  private void report(Applied applied, Reporter reporter, Severity severity, String message) {
    reporter.report(
        finding(applied.file(), applied.meta().apiVersion().range(), message, severity));
  }
}
