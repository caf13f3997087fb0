package dev.strata.analysis;

import dev.strata.model.ExternalSecret;
import dev.strata.model.Fields;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a cluster watches the secret delivery it relies on: the Kustomizations that decrypt with
 * SOPS, the ExternalSecrets it syncs, what makes the PrometheusRule kind available (a chart that
 * installs Prometheus Operator's CRDs, the CRD itself, or any object of its API group), and which
 * failures the alerts of its PrometheusRules watch, also through recording rules. Reads the cluster
 * only through its applied objects and Kustomizations.
 */
public record SecretAlerts(
    List<Applied> sopsKustomizations,
    List<Applied> externalSecrets,
    Optional<Applied> prometheusOperator,
    List<Applied> prometheusRules,
    Set<AlertMetric> watched) {
  static final String GROUP = "monitoring.coreos.com";
  static final String RULE_CRD = "prometheusrules." + GROUP;
  static final Set<String> OPERATOR_CHARTS =
      Set.of("kube-prometheus-stack", "prometheus-operator-crds");

  public static SecretAlerts of(Cluster cluster) {
    Set<ObjectId> decrypting = new HashSet<>();
    for (AppliedKustomization kustomization : cluster.kustomizations()) {
      if (kustomization.decryption().map(d -> d.isSops()).orElse(false)) {
        decrypting.add(kustomization.id());
      }
    }
    List<Applied> sops = new ArrayList<>();
    List<Applied> externalSecrets = new ArrayList<>();
    List<Applied> rules = new ArrayList<>();
    Map<String, String> ociUrls = new HashMap<>();
    for (Applied applied : cluster.objects()) {
      if (applied.manifest() instanceof FluxKustomization && decrypting.contains(applied.id())) {
        sops.add(applied);
      } else if (applied.manifest() instanceof ExternalSecret) {
        externalSecrets.add(applied);
      } else if (isPrometheusRule(applied)) {
        rules.add(applied);
      } else if (applied.manifest().kind().equals("OCIRepository")) {
        Fields.of(applied.meta().node())
            .text("spec", "url")
            .ifPresent(url -> ociUrls.put(applied.id().qualifiedName(), url.value()));
      }
    }
    return new SecretAlerts(
        sops, externalSecrets, operator(cluster, ociUrls), rules, watched(rules));
  }

  /** The failures this cluster's secrets can suffer that no alert watches. */
  public Set<AlertMetric> unwatched() {
    Set<AlertMetric> needed = EnumSet.noneOf(AlertMetric.class);
    if (!sopsKustomizations.isEmpty()) {
      needed.add(AlertMetric.SOPS_DECRYPTION);
    }
    if (!externalSecrets.isEmpty()) {
      needed.add(AlertMetric.EXTERNAL_SECRETS_SYNC);
    }
    needed.removeAll(watched);
    return needed;
  }

  private static boolean isPrometheusRule(Applied applied) {
    return applied.manifest().kind().equals("PrometheusRule")
        && applied.meta().group().equals(GROUP);
  }

  /** The first object that shows PrometheusRule is served: chart, then CRD, then any object. */
  private static Optional<Applied> operator(Cluster cluster, Map<String, String> ociUrls) {
    Optional<Applied> crd = Optional.empty();
    Optional<Applied> object = Optional.empty();
    for (Applied applied : cluster.objects()) {
      if (applied.manifest() instanceof HelmRelease release
          && chartNames(applied, release, ociUrls).stream().anyMatch(OPERATOR_CHARTS::contains)) {
        return Optional.of(applied);
      }
      if (crd.isEmpty()
          && applied.manifest().kind().equals("CustomResourceDefinition")
          && applied.id().name().equals(RULE_CRD)) {
        crd = Optional.of(applied);
      }
      if (object.isEmpty() && applied.meta().group().equals(GROUP)) {
        object = Optional.of(applied);
      }
    }
    Optional<Applied> anyObject = object;
    return crd.or(() -> anyObject);
  }

  private static List<String> chartNames(
      Applied applied, HelmRelease release, Map<String, String> ociUrls) {
    List<String> names = new ArrayList<>();
    release.chart().map(Located::value).map(SecretAlerts::lastSegment).ifPresent(names::add);
    release
        .chartSource()
        .ifPresent(
            source -> {
              String name = source.name().value();
              names.add(name);
              String namespace =
                  source.namespace().map(Located::value).orElse(applied.id().namespace());
              Optional.ofNullable(ociUrls.get(namespace + "/" + name))
                  .map(SecretAlerts::lastSegment)
                  .ifPresent(names::add);
            });
    return names;
  }

  private static String lastSegment(String text) {
    String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /**
   * What the alerting rules watch: an alert's expression reads a metric, or reads a series that a
   * recording rule derives from one.
   */
  private static Set<AlertMetric> watched(List<Applied> rules) {
    Map<String, String> recorded = new HashMap<>();
    List<String> alerts = new ArrayList<>();
    for (Applied rule : rules) {
      for (Fields group : Fields.of(rule.meta().node()).mappings("spec", "groups")) {
        for (Fields item : group.mappings("rules")) {
          Optional<String> expr = item.text("expr").map(Located::value);
          if (expr.isEmpty()) {
            continue;
          }
          item.text("record").ifPresent(r -> recorded.put(r.value(), expr.get()));
          item.text("alert").ifPresent(a -> alerts.add(expr.get()));
        }
      }
    }
    Set<AlertMetric> watched = EnumSet.noneOf(AlertMetric.class);
    for (AlertMetric metric : AlertMetric.values()) {
      for (String expr : alerts) {
        if (metric.readBy(expr) || readsRecordedSeries(expr, metric, recorded)) {
          watched.add(metric);
        }
      }
    }
    return watched;
  }

  private static boolean readsRecordedSeries(
      String expr, AlertMetric metric, Map<String, String> recorded) {
    for (Map.Entry<String, String> record : recorded.entrySet()) {
      if (metric.readBy(record.getValue()) && expr.contains(record.getKey())) {
        return true;
      }
    }
    return false;
  }
}
