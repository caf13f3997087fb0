package dev.strata.analysis.fix;

import dev.strata.analysis.AlertMetric;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text of the PrometheusRule the missing-secret-alerts fix writes: one alert per unwatched
 * failure, with the expressions that docs/rules/missing-secret-alerts.md justifies from the
 * controllers' code. Labels are copied from a PrometheusRule the cluster already has, so that the
 * same Prometheus ruleSelector picks this one up.
 */
final class AlertRuleStub {
  static final String NAME = "secret-alerts";

  private AlertRuleStub() {}

  static String text(
      Optional<String> namespace, Map<String, String> labels, Set<AlertMetric> alerts) {
    StringBuilder out = new StringBuilder();
    out.append("---\n")
        .append(
            "# Alerts on the secret delivery the cluster relies on (Strata: missing-secret-alerts).\n")
        .append("apiVersion: monitoring.coreos.com/v1\n")
        .append("kind: PrometheusRule\n")
        .append("metadata:\n")
        .append("  name: ")
        .append(NAME)
        .append('\n');
    namespace.ifPresent(n -> out.append("  namespace: ").append(n).append('\n'));
    if (!labels.isEmpty()) {
      out.append("  labels:\n");
      labels.forEach(
          (k, v) -> out.append("    ").append(k).append(": ").append(quoted(v)).append('\n'));
    }
    out.append("spec:\n")
        .append("  groups:\n")
        .append("    - name: secret-delivery\n")
        .append("      rules:\n");
    if (alerts.contains(AlertMetric.SOPS_DECRYPTION)) {
      out.append(
          """
                  # A SOPS decryption failure makes the Kustomization Ready=False (reason BuildFailed,
                  # message "decryption failed for ..."). gotk_resource_info comes from kube-state-metrics,
                  # configured as in fluxcd/flux2-monitoring-example.
                  - alert: FluxKustomizationNotReady
                    expr: gotk_resource_info{customresource_kind="Kustomization", ready="False"} == 1
                    for: 15m
                    labels:
                      severity: critical
                    annotations:
                      summary: "Kustomization {{ $labels.exported_namespace }}/{{ $labels.name }} is not ready"
                      description: "Its build fails; with SOPS secrets, check that they still decrypt (flux get kustomizations)."
          """);
    }
    if (alerts.contains(AlertMetric.EXTERNAL_SECRETS_SYNC)) {
      out.append(
          """
                  # externalsecret_sync_calls_error is a counter: alert on its increase, not on its value.
                  - alert: ExternalSecretSyncFailing
                    expr: sum by (namespace, name) (increase(externalsecret_sync_calls_error[10m])) > 0
                    for: 10m
                    labels:
                      severity: warning
                    annotations:
                      summary: "ExternalSecret {{ $labels.namespace }}/{{ $labels.name }} fails to sync"
                      description: "External Secrets cannot read it from its store; the Secret keeps its last value or is missing."
          """);
    }
    return out.toString();
  }

  private static String quoted(String value) {
    return value.matches("[A-Za-z0-9._/-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
  }
}
