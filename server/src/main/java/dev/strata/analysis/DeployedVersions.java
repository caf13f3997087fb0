package dev.strata.analysis;

import dev.strata.model.Fields;
import dev.strata.model.FluxInstance;
import dev.strata.model.FluxSource;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Flux and which External Secrets a cluster runs, read from what the repository deploys
 * ({@code docs/flux-semantics.md} §5.3): for Flux a FluxInstance's {@code
 * spec.distribution.version} (also in the values of a flux-instance HelmRelease), the tag of a
 * {@code flux-manifests} OCIRepository or a fluxcd/flux2 GitRepository, the {@code # Flux Version:}
 * header that {@code flux install}/{@code flux bootstrap} write into {@code gotk-components.yaml}
 * (fluxcd/flux2 {@code pkg/manifestgen/install/install.go}), or a {@code
 * fluxcd/flux2/manifests/install?ref=} remote base; for External Secrets the version of its chart.
 * Evidence in the files the cluster applies wins; otherwise the evidence nearest to the cluster's
 * root folder, when it agrees. A semver range resolves to the newest release in {@link ApiVersions}
 * it admits, as the operator and Helm pick the newest match (flux-operator {@code
 * internal/builder/semver.go}). Equal when both say the same releases from the same evidence, as a
 * key of the findings kept per cluster ({@code Analysis.findings}).
 *
 * @param flux the Flux distribution this cluster runs, when the repository says
 * @param externalSecrets the External Secrets operator (chart version = app version) it runs
 */
public record DeployedVersions(Optional<Release> flux, Optional<Release> externalSecrets) {
  /** A deployed release: its version and the file and 1-based line that say so. */
  public record Release(String product, Version version, String file, int line, String evidence) {
    /** Whether this release is the given version or newer, as in {@code atLeast("2.9.0")}. */
    public boolean atLeast(String other) {
      return version.compareTo(Version.parse(other).orElseThrow()) >= 0;
    }

    /** "Flux 2.2.2 (the tag of OCIRepository flux-manifests, path/file.yaml:5)". */
    public String describe() {
      return (product.equals(ApiVersions.FLUX) ? "Flux " : "External Secrets ")
          + version
          + " ("
          + evidence
          + ", "
          + file
          + ":"
          + line
          + ")";
    }
  }

  private static final Pattern HEADER =
      Pattern.compile("^# Flux Version: (v\\d+\\.\\d+\\.\\d+\\S*)\\s*$", Pattern.MULTILINE);
  private static final Pattern REMOTE_BASE =
      Pattern.compile(
          "github\\.com/fluxcd/flux2/+(?:manifests/install/?\\?ref=|releases/download/)"
              + "(v\\d+\\.\\d+\\.\\d+)");

  /**
   * The sources of Flux's own manifests a cluster can apply itself: the {@code flux-manifests} OCI
   * artifact, or the fluxcd/flux2 Git repository (built at {@code ./manifests/install}).
   */
  private static final Pattern FLUX_MANIFESTS =
      Pattern.compile(
          "(?i)(?:oci://ghcr\\.io/fluxcd/flux-manifests|(?:https://|ssh://git@|git@)github\\.com[/:]fluxcd/flux2(?:\\.git)?)/?");

  /**
   * The {@code instance.distribution.version} the flux-instance chart sets when its values do not
   * (controlplaneio-fluxcd/flux-operator {@code charts/flux-instance/values.yaml}).
   */
  private static final String CHART_DEFAULT = "2.x";

  private static final Pattern MAJOR_RANGE = Pattern.compile("v?(\\d+)\\.[x*](?:\\.[x*])?");
  private static final Pattern CARET_RANGE = Pattern.compile("\\^\\s*v?(\\d+\\.\\d+(?:\\.\\d+)?)");
  private static final Pattern AT_LEAST_RANGE =
      Pattern.compile(">=?\\s*v?(\\d+\\.\\d+(?:\\.\\d+)?)");
  private static final Pattern MINOR_RANGE =
      Pattern.compile("~?\\s*v?(\\d+\\.\\d+)(?:\\.[x*]|\\.(\\d+)(?:[-+][0-9A-Za-z.-]+)?)?");

  /**
   * Every release the repository states: the text evidence of every file, and the object evidence
   * of each cluster, read once for all clusters.
   */
  record Evidence(List<Release> text, Map<Cluster, List<Release>> objects) {
    /**
     * The evidence of every file and cluster; what one file's text says is kept with the file
     * ({@code FileMemo}) and what one cluster's objects say with the cluster ({@code Carried}), for
     * both depend on nothing else, so that an edit reads again only what it changed.
     */
    static Evidence of(Snapshot snapshot, List<Cluster> clusters) {
      List<Release> text = new ArrayList<>();
      snapshot.perFileList(TEXT_EVIDENCE, Evidence::fileEvidence).forEach(text::addAll);
      Map<Cluster, List<Release>> objects = new IdentityHashMap<>();
      for (Cluster cluster : clusters) {
        objects.put(
            cluster,
            snapshot.carried().get(OBJECT_EVIDENCE, () -> objectEvidence(cluster), cluster));
      }
      return new Evidence(List.copyOf(text), objects);
    }

    private static final Object TEXT_EVIDENCE = new Object();
    private static final Object OBJECT_EVIDENCE = new Object();

    private static List<Release> fileEvidence(SourceFile file) {
      List<Release> found = new ArrayList<>();
      if (file.text().contains("# Flux Version:") || file.text().contains("fluxcd/flux2")) {
        textEvidence(file, HEADER, "the # Flux Version: header", found);
        textEvidence(file, REMOTE_BASE, "the fluxcd/flux2 install base", found);
      }
      return List.copyOf(found);
    }

    private static List<Release> objectEvidence(Cluster cluster) {
      List<Release> found = new ArrayList<>();
      for (Applied applied : cluster.objects()) {
        evidence(applied, cluster).ifPresent(found::add);
      }
      return List.copyOf(found);
    }

    /** The text evidence, then every cluster's object evidence. */
    List<Release> all() {
      List<Release> all = new ArrayList<>(text);
      objects.values().forEach(all::addAll);
      return all;
    }
  }

  /** A cluster's releases: its own evidence, else the repository's nearest agreeing evidence. */
  static DeployedVersions of(Cluster cluster, Evidence evidence) {
    List<Release> repository = evidence.all();
    List<Release> own = new ArrayList<>(evidence.objects().getOrDefault(cluster, List.of()));
    for (Release release : repository) {
      if (cluster.files().contains(release.file())) {
        own.add(release);
      }
    }
    return new DeployedVersions(
        pick(ApiVersions.FLUX, own, repository, cluster.root().name()),
        pick(ApiVersions.EXTERNAL_SECRETS, own, repository, cluster.root().name()));
  }

  private static void textEvidence(
      SourceFile file, Pattern pattern, String evidence, List<Release> found) {
    Matcher matcher = pattern.matcher(file.text());
    while (matcher.find()) {
      int line = file.syntax().lines().position(matcher.start()).line() + 1;
      Version.parse(matcher.group(1))
          .ifPresent(v -> found.add(new Release(ApiVersions.FLUX, v, file.path(), line, evidence)));
    }
  }

  private static Optional<Release> evidence(Applied applied, Cluster cluster) {
    Manifest manifest = applied.manifest();
    Fields fields = Fields.of(manifest.meta().node());
    String name = manifest.kind() + " " + manifest.meta().nameText();
    if (manifest instanceof FluxInstance instance) {
      if (instance.distributionVersion().isEmpty()
          && applied.owner().map(o -> o.kind().equals("HelmRelease")).orElse(false)) {
        // Written in the values of a flux-instance chart that leave the version to its default.
        return chartDefault(applied, name);
      }
      return instance
          .distributionVersion()
          .flatMap(
              v ->
                  release(
                      ApiVersions.FLUX, v, applied.file(), "spec.distribution.version of " + name));
    }
    if (manifest instanceof FluxSource source
        && FLUX_MANIFESTS.matcher(source.url().map(Located::value).orElse("")).matches()) {
      return tag(fields)
          .flatMap(v -> release(ApiVersions.FLUX, v, applied.file(), "the tag of " + name));
    }
    if (manifest instanceof HelmRelease release) {
      Optional<Applied> chartRef = chartRefSource(applied, release, cluster);
      String chart =
          release
              .chart()
              .map(Located::value)
              .orElseGet(() -> chartRef.map(DeployedVersions::chartName).orElse(""));
      if (chart.equals("flux-instance")) {
        Optional<Located<String>> version =
            fields.text("spec", "values", "instance", "distribution", "version");
        if (version.isEmpty() && release.valuesFrom().isEmpty()) {
          return chartDefault(applied, name);
        }
        return version.flatMap(
            v ->
                release(
                    ApiVersions.FLUX,
                    v,
                    applied.file(),
                    "instance.distribution.version in the values of " + name));
      }
      if (chart.equals("external-secrets")) {
        if (release.chart().isPresent()) {
          return fields
              .text("spec", "chart", "spec", "version")
              .flatMap(
                  v ->
                      release(
                          ApiVersions.EXTERNAL_SECRETS,
                          v,
                          applied.file(),
                          "the chart version of " + name));
        }
        return chartRef.flatMap(
            source ->
                tag(Fields.of(source.meta().node()))
                    .flatMap(
                        v ->
                            release(
                                ApiVersions.EXTERNAL_SECRETS,
                                v,
                                source.file(),
                                "the chart tag of OCIRepository "
                                    + source.meta().nameText()
                                    + " that "
                                    + name
                                    + " installs")));
      }
    }
    return Optional.empty();
  }

  /** The release a flux-instance chart runs when its values leave the version to the default. */
  private static Optional<Release> chartDefault(Applied applied, String name) {
    return release(
        ApiVersions.FLUX,
        Located.of(CHART_DEFAULT, applied.meta().anchor()),
        applied.file(),
        "the flux-instance chart's default distribution.version " + CHART_DEFAULT + " of " + name);
  }

  private static Optional<Located<String>> tag(Fields source) {
    return source.text("spec", "ref", "tag").or(() -> source.text("spec", "ref", "semver"));
  }

  /** The chart an OCIRepository holds: the last segment of its URL. */
  private static String chartName(Applied source) {
    return ((FluxSource) source.manifest())
        .url()
        .map(url -> url.value().substring(url.value().lastIndexOf('/') + 1))
        .orElse("");
  }

  /**
   * The OCIRepository a {@code chartRef} names, in the release's namespace unless it says
   * (helm-controller, internal/controller/helmrelease_controller.go, getSourceFromOCIRef).
   */
  private static Optional<Applied> chartRefSource(
      Applied applied, HelmRelease release, Cluster cluster) {
    if (release.chart().isPresent() || release.chartSource().isEmpty()) {
      return Optional.empty();
    }
    ObjectId source = ChartSources.of(applied, release.chartSource().get());
    if (!source.kind().equals("OCIRepository")) {
      return Optional.empty();
    }
    return cluster.find(source).stream()
        .filter(a -> a.manifest() instanceof FluxSource)
        .findFirst();
  }

  private static Optional<Release> release(
      String product, Located<String> text, String file, String evidence) {
    return resolve(text.value(), ApiVersions.table().newest(product))
        .map(v -> new Release(product, v, file, text.range().start().line() + 1, evidence));
  }

  /**
   * The release a version or semver range selects: an exact version itself; {@code 2.3.x}, {@code
   * ~2.3} or {@code 2.3} that minor; {@code 2.x}, {@code ^2.3}, {@code >=2.3} or {@code *} the
   * newest known release they admit. Anything else is unknown.
   */
  static Optional<Version> resolve(String text, Version newest) {
    String range = text.trim();
    if (range.equals("*") || range.equals("x")) {
      return Optional.of(newest);
    }
    Matcher major = MAJOR_RANGE.matcher(range);
    if (major.matches()) {
      int wanted = Integer.parseInt(major.group(1));
      return Optional.of(wanted == newest.major() ? newest : new Version(wanted, 0, 0));
    }
    Matcher caret = CARET_RANGE.matcher(range);
    Matcher atLeast = AT_LEAST_RANGE.matcher(range);
    if (caret.matches() || atLeast.matches()) {
      Version floor = Version.parse((caret.matches() ? caret : atLeast).group(1)).orElseThrow();
      boolean sameMajor = !caret.matches() || floor.major() == newest.major();
      return Optional.of(sameMajor && newest.compareTo(floor) >= 0 ? newest : floor);
    }
    Matcher minor = MINOR_RANGE.matcher(range);
    if (minor.matches()) {
      return Version.parse(minor.group(1) + "." + (minor.group(2) == null ? "0" : minor.group(2)));
    }
    return Optional.empty();
  }

  private static Optional<Release> pick(
      String product, List<Release> own, List<Release> repository, String rootFolder) {
    Optional<Release> mine = own.stream().filter(r -> r.product().equals(product)).findFirst();
    if (mine.isPresent()) {
      return mine;
    }
    int best = -1;
    List<Release> nearest = new ArrayList<>();
    for (Release release : repository) {
      if (!release.product().equals(product)) {
        continue;
      }
      int shared = sharedFolders(release.file(), rootFolder);
      if (shared > best) {
        best = shared;
        nearest.clear();
      }
      if (shared == best) {
        nearest.add(release);
      }
    }
    boolean agree = nearest.stream().map(Release::version).distinct().count() == 1;
    return agree ? Optional.of(nearest.get(0)) : Optional.empty();
  }

  /** How many leading folders a file's path shares with a folder. */
  private static int sharedFolders(String file, String folder) {
    String[] a = file.split("/");
    String[] b = folder.isEmpty() ? new String[0] : folder.split("/");
    int shared = 0;
    while (shared < a.length - 1 && shared < b.length && a[shared].equals(b[shared])) {
      shared++;
    }
    return shared;
  }
}
