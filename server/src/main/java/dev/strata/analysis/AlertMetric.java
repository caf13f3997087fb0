package dev.strata.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The failures the layered-secret strategy alerts on, each with the metric names that prove an
 * alert watches it, as data. Names were checked against the controllers' code (see
 * docs/rules/missing-secret-alerts.md): current Flux reports readiness only through
 * kube-state-metrics' {@code gotk_resource_info} (a SOPS decryption failure makes a Kustomization
 * Ready=False with reason BuildFailed), Flux before 2.5 exported {@code gotk_reconcile_condition};
 * External Secrets exports {@code externalsecret_sync_calls_error} and {@code
 * externalsecret_status_condition}.
 */
public enum AlertMetric {
  SOPS_DECRYPTION(
      "SOPS decryption failures", List.of("gotk_resource_info", "gotk_reconcile_condition")),
  EXTERNAL_SECRETS_SYNC(
      "External Secrets sync failures",
      List.of("externalsecret_sync_calls_error", "externalsecret_status_condition"));

  private final String failure;
  private final List<String> metrics;
  private final Pattern mention;

  AlertMetric(String failure, List<String> metrics) {
    this.failure = failure;
    this.metrics = metrics;
    this.mention =
        Pattern.compile("(?<![A-Za-z0-9_:])(" + String.join("|", metrics) + ")(?![A-Za-z0-9_:])");
  }

  public String failure() {
    return failure;
  }

  public List<String> metrics() {
    return metrics;
  }

  /** True when a PromQL expression reads one of the metrics. */
  public boolean readBy(String expression) {
    return mention.matcher(expression).find();
  }
}
