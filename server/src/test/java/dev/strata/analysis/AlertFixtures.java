package dev.strata.analysis;

/**
 * A cluster for the missing-secret-alerts rule and its fix: a root, a monitoring Kustomization
 * whose folder installs Prometheus Operator, and apps that decrypt with SOPS or sync
 * ExternalSecrets.
 */
public final class AlertFixtures {
  private AlertFixtures() {}

  public static final String ROOT =
      """
      #- clusters/home/flux-system/gotk-sync.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        path: ./clusters/home
        sourceRef: {kind: GitRepository, name: flux-system}
      #- clusters/home/monitoring.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: monitoring
        namespace: flux-system
      spec:
        path: ./monitoring
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  public static final String SOPS_APPS =
      """
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
      #- apps/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app, namespace: default}
      """;

  public static final String PLAIN_APPS =
      SOPS_APPS.replace("  decryption: {provider: sops, secretRef: {name: sops-age}}\n", "");

  public static final String EXTERNAL_SECRET =
      """
      #- apps/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: app
        namespace: default
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: vault}
        target: {name: app}
      """;

  public static final String OPERATOR_FILES =
      """
      #- monitoring/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./helmrelease.yaml
      """;

  /** The chart that installs Prometheus Operator, with the caret line {@code finding} under it. */
  public static String operator(String finding) {
    return OPERATOR_FILES
        + """
        #- monitoring/helmrelease.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: kube-prometheus-stack
        """
        + finding
        + """
          namespace: observability
        spec:
          chart:
            spec:
              chart: kube-prometheus-stack
              sourceRef: {kind: HelmRepository, name: prometheus-community}
        """;
  }

  public static String rule(String... rules) {
    return """
        #- clusters/home/prometheusrule.yaml
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: flux
          namespace: observability
        spec:
          groups:
            - name: flux
              rules:
        """
        + String.join("", rules).indent(4);
  }
}
