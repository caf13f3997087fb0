package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.ROOT;
import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.kustomization;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class UnknownChartSourceRuleTest {
  static final String OCI_REPOSITORY =
      """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: OCIRepository
      metadata:
        name: podinfo
        namespace: default
      spec:
        url: oci://ghcr.io/stefanprodan/charts/podinfo
        ref: {tag: 6.9.0}
      """;

  static String podinfo(String kustomization) {
    return ROOT
        + "#- apps/podinfo.yaml\n"
        + kustomization("podinfo", "./apps-podinfo", "")
        + "#- apps-podinfo/kustomization.yaml\n"
        + kustomization
        + "#- apps-podinfo/helmrelease.yaml\n"
        + """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: podinfo
          namespace: default
        spec:
          chartRef:
            kind: OCIRepository
            name: podinfo
        """
        + "#- apps-podinfo/ocirepository.yaml\n"
        + OCI_REPOSITORY;
  }

  @Test
  void staysSilentWhenTheChartSourceIsApplied() {
    assertFindings(
        podinfo(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ocirepository.yaml
              - helmrelease.yaml
            """),
        "unknown-chart-source");
  }

  @Test
  void reportsAChartSourceWhoseEntryIsCommentedOut() {
    String fixture =
        podinfo(
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  # - ocirepository.yaml
                  - helmrelease.yaml
                """)
            .replace(
                "    name: podinfo\n#- apps-podinfo/ocirepository.yaml",
                "    name: podinfo\n#         ^^^^^^^ error[unknown-chart-source]: HelmRelease default/podinfo takes its chart from OCIRepository default/podinfo, which is defined in apps-podinfo/ocirepository.yaml but not applied: its entry is commented out in apps-podinfo/kustomization.yaml\n#- apps-podinfo/ocirepository.yaml");
    assertFindings(fixture, "unknown-chart-source");
  }

  @Test
  void reportsAHelmRepositoryThatNothingDefines() {
    assertFindings(
        ROOT
            + "#- apps/podinfo.yaml\n"
            + kustomization("podinfo", "./apps-podinfo", "")
            + "#- apps-podinfo/helmrelease.yaml\n"
            + """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: default
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef: {kind: HelmRepository, name: podinfo, namespace: flux-system}
            #                                             ^^^^^^^ error[unknown-chart-source]: but no HelmRepository of that name is applied in namespace flux-system of cluster clusters/home
            """,
        "unknown-chart-source");
  }

  @Test
  void looksInTheReleasesNamespaceWhenTheReferenceNamesNone() {
    // The source is applied, but in flux-system, and the reference has no namespace.
    assertFindings(
        ROOT
            + "#- apps/podinfo.yaml\n"
            + kustomization("podinfo", "./apps-podinfo", "")
            + "#- apps-podinfo/helmrelease.yaml\n"
            + """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: default
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef: {kind: HelmRepository, name: charts}
            #                                             ^^^^^^ error[unknown-chart-source]: takes its chart from HelmRepository default/charts, but no HelmRepository of that name is applied in namespace default
            """,
        "unknown-chart-source");
  }

  @Test
  void staysSilentWhenAnotherProjectsBuildMayDefineTheSource() {
    assertFindings(
        ROOT
            + "#- apps/podinfo.yaml\n"
            + kustomization("podinfo", "./apps-podinfo", "")
            + "---\n"
            + """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: platform
              namespace: flux-system
            spec:
              path: ./sources
              sourceRef: {kind: GitRepository, name: platform}
            """
            + "#- apps-podinfo/helmrelease.yaml\n"
            + """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: flux-system
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef: {kind: HelmRepository, name: podinfo}
            """,
        "unknown-chart-source");
  }
}
