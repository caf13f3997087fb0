package dev.strata.analysis.fix;

import static dev.strata.analysis.AlertFixtures.EXTERNAL_SECRET;
import static dev.strata.analysis.AlertFixtures.PLAIN_APPS;
import static dev.strata.analysis.AlertFixtures.ROOT;
import static dev.strata.analysis.AlertFixtures.SOPS_APPS;
import static dev.strata.analysis.AlertFixtures.operator;
import static dev.strata.analysis.fix.FixTesting.assertFix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddSecretAlertsFixTest {
  private static final String SOPS_ALERT =
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
      """;

  private static final String SYNC_ALERT =
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
      """;

  private static String created(String labels, String alerts) {
    return """
        #- monitoring/secret-alerts.yaml
        ---
        # Alerts on the secret delivery the cluster relies on (Strata: missing-secret-alerts).
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: secret-alerts
          namespace: observability
        """
        + labels
        + """
        spec:
          groups:
            - name: secret-delivery
              rules:
        """
        + alerts;
  }

  private static final String LISTED =
      """
      #- monitoring/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./helmrelease.yaml
        - ./secret-alerts.yaml
      """;

  @Test
  void createsBothAlertsNextToTheOperatorAndListsThem() {
    Repo before = Repo.of(ROOT + SOPS_APPS + EXTERNAL_SECRET + operator(""));
    assertFix(
        before,
        "missing-secret-alerts",
        "monitoring/helmrelease.yaml",
        "Create PrometheusRule secret-alerts alerting on SOPS decryption failures and External"
            + " Secrets sync failures in monitoring",
        before.with(LISTED + created("", SOPS_ALERT + SYNC_ALERT)));
  }

  @Test
  void createsOnlyTheMissingAlertWithTheLabelsOfTheClustersRules() {
    Repo before =
        Repo.of(
            ROOT
                + PLAIN_APPS
                + EXTERNAL_SECRET
                + operator("").replace("./helmrelease.yaml", "./helmrelease.yaml\n  - ./flux.yaml")
                + """
                #- monitoring/flux.yaml
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: flux
                  namespace: observability
                  labels:
                    release: kube-prometheus-stack
                spec:
                  groups:
                    - name: flux
                      rules:
                        - alert: Down
                          expr: up == 0
                """);
    assertFix(
        before,
        "missing-secret-alerts",
        "monitoring/helmrelease.yaml",
        "Create PrometheusRule secret-alerts alerting on External Secrets sync failures",
        before.with(
            LISTED.replace("./helmrelease.yaml\n", "./helmrelease.yaml\n  - ./flux.yaml\n")
                + created("  labels:\n    release: kube-prometheus-stack\n", SYNC_ALERT)));
  }

  @Test
  void isOfferedInTheJsonOfCheck(@TempDir Path dir) {
    TempRepository.write(dir, ROOT + SOPS_APPS + operator(""));
    CommandLineRun run = CommandLineRun.of("check", dir.toString(), "--format", "json");
    JsonObject finding = null;
    for (JsonElement element :
        JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings")) {
      if (element.getAsJsonObject().get("rule").getAsString().equals("missing-secret-alerts")) {
        finding = element.getAsJsonObject();
      }
    }
    assertEquals(
        "Create PrometheusRule secret-alerts alerting on SOPS decryption failures in monitoring",
        finding.getAsJsonArray("fixes").get(0).getAsString(),
        run.out());
  }
}
