package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.ROOT;
import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.helmRelease;
import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.kustomization;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class CustomResourceBeforeCrdRuleTest {
  static final String CLUSTER_ISSUER =
      """
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata:
        name: letsencrypt
      spec:
        acme:
          server: https://acme-v02.api.letsencrypt.org/directory
          privateKeySecretRef: {name: letsencrypt-account}
      """;

  /** cert-manager's release and its ClusterIssuer in one build. */
  static final String ONE_BUILD =
      ROOT
          + "#- apps/cert-manager.yaml\n"
          + kustomization("cert-manager", "./infra/cert-manager", "")
          + "#- infra/cert-manager/helmrelease.yaml\n"
          + helmRelease(
              "cert-manager", "cert-manager", "cert-manager", "values: {crds: {enabled: true}}\n")
          + "#- infra/cert-manager/clusterissuer.yaml\n"
          + CLUSTER_ISSUER.replace(
              "  name: letsencrypt\n",
              "  name: letsencrypt\n#       ^^^^^^^^^^^ error[custom-resource-before-crd]: ClusterIssuer letsencrypt needs a CRD that is only installed after Kustomization flux-system/cert-manager has applied it\n");

  @Test
  void reportsAClusterIssuerAppliedWithTheReleaseThatInstallsItsCrd() {
    assertFindings(ONE_BUILD, "custom-resource-before-crd", "bootstrap-deadlock");
  }

  @Test
  void namesTheInstallerAndTheFix() {
    assertFindings(
        ONE_BUILD.replace(
            "error[custom-resource-before-crd]: ClusterIssuer letsencrypt needs a CRD that is only installed after Kustomization flux-system/cert-manager has applied it",
            "error[custom-resource-before-crd]: the CRDs of cert-manager.io are installed only once HelmRelease cert-manager/cert-manager is installed (HelmRelease cert-manager/cert-manager installs them, infra/cert-manager/helmrelease.yaml:4)"),
        "custom-resource-before-crd");
    assertFindings(
        ONE_BUILD.replace(
            "error[custom-resource-before-crd]: ClusterIssuer letsencrypt needs a CRD that is only installed after Kustomization flux-system/cert-manager has applied it",
            "error[custom-resource-before-crd]: Move the custom resources to a Kustomization that dependsOn the one installing the CRDs"),
        "custom-resource-before-crd");
  }

  @Test
  void staysSilentWhenTheIssuersDependOnTheRelease() {
    assertFindings(
        ROOT
            + "#- apps/cert-manager.yaml\n"
            + kustomization("cert-manager", "./infra/cert-manager", "")
            + "---\n"
            + kustomization("issuers", "./infra/issuers", "dependsOn:\n  - name: cert-manager\n")
            + "#- infra/cert-manager/helmrelease.yaml\n"
            + helmRelease("cert-manager", "cert-manager", "cert-manager", "")
            + "#- infra/issuers/clusterissuer.yaml\n"
            + CLUSTER_ISSUER,
        "custom-resource-before-crd");
  }

  @Test
  void reportsIssuersWhoseKustomizationTheReleasesKustomizationDependsOn() {
    // The order is backwards: cert-manager waits for the issuers, whose apply waits for its CRDs.
    assertFindings(
        ROOT
            + "#- apps/cert-manager.yaml\n"
            + kustomization(
                "cert-manager", "./infra/cert-manager", "dependsOn:\n  - name: issuers\n")
            + "---\n"
            + kustomization("issuers", "./infra/issuers", "")
            + "#- infra/cert-manager/helmrelease.yaml\n"
            + helmRelease("cert-manager", "cert-manager", "cert-manager", "")
            + "#- infra/issuers/clusterissuer.yaml\n"
            + CLUSTER_ISSUER.replace(
                "  name: letsencrypt\n",
                "  name: letsencrypt\n#       ^^^^^^^^^^^ error[custom-resource-before-crd]: Kustomization flux-system/cert-manager is applied only once Kustomization flux-system/issuers is Ready\n"),
        "custom-resource-before-crd");
  }

  @Test
  void staysSilentWhenABootstrapHelmfileInstallsTheCrdsBeforeFlux() {
    assertFindings(
        ONE_BUILD.replaceAll("#\\s+\\^+ error\\[custom-resource-before-crd].*\n", "")
            + """
            #- bootstrap/helmfile.yaml
            releases:
              - name: cert-manager
                namespace: cert-manager
                chart: jetstack/cert-manager
                values:
                  - crds: {enabled: true}
            """,
        "custom-resource-before-crd");
  }

  @Test
  void staysSilentWhenTheBuildHoldsTheCrdItself() {
    // kustomize-controller applies CustomResourceDefinitions first, in their own stage.
    assertFindings(
        ONE_BUILD.replaceAll("#\\s+\\^+ error\\[custom-resource-before-crd].*\n", "")
            + """
            #- infra/cert-manager/crds.yaml
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: clusterissuers.cert-manager.io
            spec:
              group: cert-manager.io
              names: {kind: ClusterIssuer, plural: clusterissuers}
              scope: Cluster
            """,
        "custom-resource-before-crd");
  }
}
