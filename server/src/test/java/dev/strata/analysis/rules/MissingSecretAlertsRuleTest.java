package dev.strata.analysis.rules;

import static dev.strata.analysis.AlertFixtures.EXTERNAL_SECRET;
import static dev.strata.analysis.AlertFixtures.OPERATOR_FILES;
import static dev.strata.analysis.AlertFixtures.PLAIN_APPS;
import static dev.strata.analysis.AlertFixtures.ROOT;
import static dev.strata.analysis.AlertFixtures.SOPS_APPS;
import static dev.strata.analysis.AlertFixtures.operator;
import static dev.strata.analysis.AlertFixtures.rule;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class MissingSecretAlertsRuleTest {
  @Test
  void reportsASopsClusterWithPrometheusOperatorAndNoAlert() {
    assertFindings(
        ROOT
            + SOPS_APPS
            + operator(
                "#       ^^^^^^^^^^^^^^^^^^^^^ info[missing-secret-alerts]: Cluster clusters/home decrypts"
                    + " SOPS secrets (1 Kustomization), and HelmRelease"
                    + " observability/kube-prometheus-stack makes PrometheusRule available, but no"
                    + " PrometheusRule alerts on SOPS decryption failures (gotk_resource_info or"
                    + " gotk_reconcile_condition)\n"),
        "missing-secret-alerts");
  }

  @Test
  void reportsBothFailuresWhenTheClusterUsesBoth() {
    assertFindings(
        ROOT
            + SOPS_APPS
            + EXTERNAL_SECRET
            + operator(
                "#       ^^^^^^^^^^^^^^^^^^^^^ info[missing-secret-alerts]: Cluster clusters/home decrypts"
                    + " SOPS secrets (1 Kustomization) and syncs 1 ExternalSecret, and HelmRelease"
                    + " observability/kube-prometheus-stack makes PrometheusRule available, but no"
                    + " PrometheusRule alerts on SOPS decryption failures (gotk_resource_info or"
                    + " gotk_reconcile_condition) or External Secrets sync failures\n"),
        "missing-secret-alerts");
  }

  @Test
  void isSilentWhenAlertsReadTheMetrics() {
    assertFindings(
        ROOT
            + SOPS_APPS
            + EXTERNAL_SECRET
            + operator("")
            + rule(
                """
                    - alert: KustomizationNotReady
                      expr: gotk_resource_info{customresource_kind="Kustomization", ready!="True"} == 1
                    - alert: ExternalSecretSyncError
                      expr: increase(externalsecret_sync_calls_error[5m]) > 0
                """),
        "missing-secret-alerts");
  }

  @Test
  void followsAnAlertThroughARecordingRule() {
    assertFindings(
        ROOT
            + PLAIN_APPS
            + EXTERNAL_SECRET
            + operator("")
            + rule(
                """
                    - record: job:externalsecret_sync_errors:rate5m
                      expr: sum(rate(externalsecret_sync_calls_error[5m])) by (namespace)
                    - alert: ExternalSecretErrors
                      expr: job:externalsecret_sync_errors:rate5m > 0
                """),
        "missing-secret-alerts");
  }

  @Test
  void countsNoRecordingRuleAsAnAlert() {
    assertFindings(
        ROOT
            + PLAIN_APPS
            + EXTERNAL_SECRET
            + operator(
                "#       ^^^^^^^^^^^^^^^^^^^^^ info[missing-secret-alerts]: Cluster clusters/home syncs 1"
                    + " ExternalSecret, and HelmRelease observability/kube-prometheus-stack\n")
            + rule(
                """
                    - record: job:externalsecret_sync_errors:rate5m
                      expr: sum(rate(externalsecret_sync_calls_error[5m])) by (namespace)
                    - alert: SomethingElse
                      expr: up == 0
                """),
        "missing-secret-alerts");
  }

  @Test
  void isSilentWithoutPrometheusOperator() {
    assertFindings(ROOT + SOPS_APPS + EXTERNAL_SECRET, "missing-secret-alerts");
  }

  @Test
  void isSilentWithoutSopsOrExternalSecrets() {
    assertFindings(ROOT + operator(""), "missing-secret-alerts");
  }

  @Test
  void takesTheCrdAsProofThatPrometheusRuleIsAvailable() {
    assertFindings(
        ROOT
            + SOPS_APPS
            + OPERATOR_FILES.replace("./helmrelease.yaml", "./crd.yaml")
            + """
            #- monitoring/crd.yaml
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: prometheusrules.monitoring.coreos.com
            #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[missing-secret-alerts]: Cluster clusters/home decrypts SOPS secrets (1 Kustomization), and CustomResourceDefinition
            spec:
              group: monitoring.coreos.com
            """,
        "missing-secret-alerts");
  }
}
