package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateObjectRuleTest {
  private static final String RULE = "duplicate-object";
  private static final String ROOT =
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
      """;

  @Test
  void reportsTheSameSourceDefinedInTwoFilesOnBoth() {
    assertFindings(
        ROOT
            + """
            #- apps/goldilocks/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: HelmRepository observability/fairwinds is defined 2 times in cluster clusters/home
              namespace: observability
            #- apps/vpa/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: HelmRepository observability/fairwinds is defined 2 times
              namespace: observability
            """,
        RULE);
  }

  @Test
  void pointsEachFindingAtTheOtherDefinition() {
    List<Finding> findings =
        Fixture.of(
                ROOT
                    + """
                    #- apps/a.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: app, namespace: default}
                    spec: {path: ./none}
                    #- apps/b.yaml
                    apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    metadata: {name: app, namespace: default}
                    spec: {path: ./none}
                    """)
            .findings(RULE);
    assertEquals(2, findings.size());
    assertEquals("apps/b.yaml", findings.get(0).related().get(0).file());
    assertEquals("apps/a.yaml", findings.get(1).related().get(0).file());
  }

  @Test
  void doesNotCountTheSameDocumentReachedTwice() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources:
              - ./common/repo.yaml
              - ./one
              - ./two
            #- apps/one/kustomization.yaml
            resources: [../common/repo.yaml]
            #- apps/two/kustomization.yaml
            resources: [../common/repo.yaml]
            #- apps/common/repo.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: bitnami
              namespace: flux-system
            """,
        RULE);
  }

  @Test
  void letsTwoClustersReuseNames() {
    String cluster =
        """
        #- clusters/%1$s/flux-system/gotk-sync.yaml
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          path: ./clusters/%1$s
          sourceRef: {kind: GitRepository, name: flux-system}
        #- clusters/%1$s/apps.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          path: ./apps/%1$s
          sourceRef: {kind: GitRepository, name: flux-system}
        #- apps/%1$s/release.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: podinfo
          namespace: podinfo
        """;
    assertFindings(cluster.formatted("production") + cluster.formatted("staging"), RULE);
  }

  @Test
  void letsAKustomizationAndAHelmReleaseShareAName() {
    assertFindings(
        ROOT
            + """
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: cilium, namespace: kube-system}
            spec: {path: ./none}
            #- apps/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: cilium, namespace: kube-system}
            """,
        RULE);
  }

  @Test
  void ignoresPlainKubernetesObjectsAndUnresolvedNames() {
    assertFindings(
        ROOT
            + """
            #- apps/a.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: "${APP}", namespace: default}
            #- apps/b.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: "${APP}", namespace: default}
            """,
        RULE);
  }
}
