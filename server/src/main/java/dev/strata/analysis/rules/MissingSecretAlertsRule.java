package dev.strata.analysis.rules;

import dev.strata.analysis.AlertMetric;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretAlerts;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cluster that decrypts SOPS secrets or syncs ExternalSecrets, and can take PrometheusRules, but
 * has no alert on those failures: the last step of the layered-secret strategy. Reported on what
 * makes PrometheusRule available (the Prometheus Operator chart, its CRD, or a monitoring object).
 */
public final class MissingSecretAlertsRule implements ClusterRule {
  @Override
  public String id() {
    return "missing-secret-alerts";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "A cluster using SOPS or External Secrets, with Prometheus Operator, has no alert on"
        + " decryption or sync failures.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    SecretAlerts alerts = SecretAlerts.of(cluster);
    Set<AlertMetric> unwatched = alerts.unwatched();
    if (unwatched.isEmpty() || alerts.prometheusOperator().isEmpty()) {
      return;
    }
    Applied operator = alerts.prometheusOperator().get();
    reporter.report(
        finding(
            operator.file(),
            operator.meta().anchor(),
            message(cluster, alerts, operator, unwatched),
            related(alerts, unwatched)));
  }

  private static String message(
      Cluster cluster, SecretAlerts alerts, Applied operator, Set<AlertMetric> unwatched) {
    List<String> uses = new ArrayList<>();
    if (!alerts.sopsKustomizations().isEmpty()) {
      uses.add(
          "decrypts SOPS secrets ("
              + count(alerts.sopsKustomizations().size(), "Kustomization")
              + ")");
    }
    if (!alerts.externalSecrets().isEmpty()) {
      uses.add("syncs " + count(alerts.externalSecrets().size(), "ExternalSecret"));
    }
    return "Cluster "
        + cluster.name()
        + " "
        + String.join(" and ", uses)
        + ", and "
        + operator.manifest().kind()
        + " "
        + operator.id().qualifiedName()
        + " makes PrometheusRule available, but no PrometheusRule alerts on "
        + unwatched.stream()
            .map(m -> m.failure() + " (" + String.join(" or ", m.metrics()) + ")")
            .collect(Collectors.joining(" or "))
        + ": a secret that stops decrypting or syncing goes unnoticed until a workload fails";
  }

  private static String count(int n, String kind) {
    return n + " " + kind + (n == 1 ? "" : "s");
  }

  private static List<Finding.Related> related(SecretAlerts alerts, Set<AlertMetric> unwatched) {
    List<Finding.Related> related = new ArrayList<>();
    if (unwatched.contains(AlertMetric.SOPS_DECRYPTION) && !alerts.sopsKustomizations().isEmpty()) {
      Applied first = alerts.sopsKustomizations().get(0);
      related.add(
          new Finding.Related(
              first.file(),
              first.meta().anchor(),
              "Kustomization " + first.id().qualifiedName() + " decrypts with SOPS"));
    }
    if (unwatched.contains(AlertMetric.EXTERNAL_SECRETS_SYNC)
        && !alerts.externalSecrets().isEmpty()) {
      Applied first = alerts.externalSecrets().get(0);
      related.add(
          new Finding.Related(
              first.file(),
              first.meta().anchor(),
              first.manifest().kind()
                  + " "
                  + first.id().qualifiedName()
                  + " is synced by External Secrets"));
    }
    return related;
  }
}
