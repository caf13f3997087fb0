package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
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

  /** The root applies ./apps, which holds two Kustomizations building ./a and ./b. */
  private static final String TWO =
      ROOT
          + """
          #- apps/ks.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata: {name: goldilocks, namespace: flux-system}
          spec:
            path: ./a
            prune: true
            sourceRef: {kind: GitRepository, name: flux-system}
          ---
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata: {name: vpa, namespace: flux-system}
          spec:
            path: ./b
            prune: true
            sourceRef: {kind: GitRepository, name: flux-system}
          """;

  @Test
  void reportsAnObjectTwoKustomizationsApplyDifferentlyNamingBoth() {
    assertFindings(
        TWO
            + """
            #- a/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: HelmRepository observability/fairwinds is applied by 2 Kustomizations of cluster clusters/home: flux-system/goldilocks (apps/ks.yaml), flux-system/vpa (apps/ks.yaml); the definitions differ in spec.url
              namespace: observability
            spec:
              url: https://charts.fairwinds.com/stable
            #- b/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: the Kustomization that wrote them last deletes it when it prunes it
              namespace: observability
            spec:
              url: https://charts.fairwinds.com/incubator
            """,
        RULE);
  }

  @Test
  void pointsAtTheOtherDefinitionAndAtBothKustomizations() {
    List<Finding> findings =
        Fixture.of(
                TWO
                    + """
                    #- a/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: default}
                    data: {mode: fast}
                    #- b/cm.yaml
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings, namespace: default}
                    data: {mode: slow}
                    """)
            .findings(RULE);
    assertEquals(2, findings.size());
    Finding onA = findings.stream().filter(f -> f.file().equals("a/cm.yaml")).findFirst().get();
    assertEquals(Severity.ERROR, onA.severity());
    assertTrue(onA.message().contains("differ in data.mode"), onA.message());
    assertEquals(
        List.of("b/cm.yaml", "apps/ks.yaml", "apps/ks.yaml"),
        onA.related().stream().map(Finding.Related::file).toList());
    assertEquals(
        List.of(
            "also applied here",
            "Kustomization flux-system/goldilocks",
            "Kustomization flux-system/vpa"),
        onA.related().stream().map(Finding.Related::message).toList());
  }

  @Test
  void warnsWhenTwoKustomizationsApplyTheSameNamespaceIdentically() {
    assertFindings(
        TWO
            + """
            #- a/namespace.yaml
            apiVersion: v1
            kind: Namespace
            metadata:
              name: observability
            #       ^^^^^^^^^^^^^ warning[duplicate-object]: the definitions are identical. Each reconciliation also rewrites its kustomize.toolkit.fluxcd.io/name and namespace labels, and the Kustomization that wrote them last deletes the Namespace and everything in it
            #- b/namespace.yaml
            apiVersion: v1
            kind: Namespace
            metadata:
              name: observability
            #       ^^^^^^^^^^^^^ warning[duplicate-object]: Namespace observability is applied by 2 Kustomizations
            """,
        RULE);
  }

  @Test
  void reportsOneSharedDocumentOnceForAllItsKustomizations() {
    assertFindings(
        TWO
            + """
            #- a/kustomization.yaml
            resources: [../common/namespace.yaml]
            #- b/kustomization.yaml
            resources: [../common/namespace.yaml]
            #- common/namespace.yaml
            apiVersion: v1
            kind: Namespace
            metadata:
              name: observability
            #       ^^^^^^^^^^^^^ warning[duplicate-object]: flux-system/goldilocks (apps/ks.yaml), flux-system/vpa (apps/ks.yaml); the definitions are identical
            """,
        RULE);
  }

  @Test
  void neverComparesOrPrintsSecretValues() {
    List<Finding> findings =
        Fixture.of(
                TWO
                    + """
                    #- a/secret.yaml
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: token, namespace: default}
                    stringData: {token: canary-7f3a91}
                    #- b/secret.yaml
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: token, namespace: default}
                    stringData: {token: canary-other-value}
                    """)
            .findings(RULE);
    assertEquals(2, findings.size());
    for (Finding finding : findings) {
      assertTrue(finding.message().contains("differ in data,"), finding.message());
      assertFalse(finding.message().contains("canary"), finding.message());
      assertFalse(finding.message().contains("token:"), finding.message());
    }
  }

  @Test
  void saysWhenSecretDataCouldNotBeCompared() {
    assertFindings(
        TWO
            + """
            #- a/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
            #       ^^^^^ warning[duplicate-object]: identical apart from values Strata does not read
              namespace: default
            stringData: {token: canary-7f3a91}
            #- b/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
            #       ^^^^^ warning[duplicate-object]: identical apart from values Strata does not read
              namespace: default
            stringData: {token: canary-1b2c3d}
            """,
        RULE);
  }

  @Test
  void letsIfNotPresentDefinitionsShareAnObject() {
    assertFindings(
        TWO
            + """
            #- a/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: defaults
              namespace: default
              annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}
            data: {mode: fast}
            #- b/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: defaults, namespace: default}
            data: {mode: slow}
            """,
        RULE);
  }

  @Test
  void letsIgnoredDefinitionsShareAnObject() {
    assertFindings(
        TWO
            + """
            #- a/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: defaults
              namespace: default
              annotations: {kustomize.toolkit.fluxcd.io/ssa: Ignore}
            data: {mode: fast}
            #- b/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: defaults, namespace: default}
            data: {mode: slow}
            """,
        RULE);
  }

  @Test
  void tellsKindsOfDifferentGroupsApart() {
    assertFindings(
        TWO
            + """
            #- a/cert.yaml
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: default}
            #- b/cert.yaml
            apiVersion: example.com/v1
            kind: Certificate
            metadata: {name: web, namespace: default}
            """,
        RULE);
  }

  @Test
  void reportsTheSameObjectTwiceInOneBuildOnBoth() {
    assertFindings(
        ROOT
            + """
            #- apps/goldilocks/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: HelmRepository/observability/fairwinds is twice in the build of Kustomization flux-system/apps (apps/goldilocks/source.yaml and apps/vpa/source.yaml): kustomize fails the whole build
              namespace: observability
            #- apps/vpa/source.yaml
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: fairwinds
            #       ^^^^^^^^^ error[duplicate-object]: may not add resource with an already registered id
              namespace: observability
            """,
        RULE);
  }

  @Test
  void reportsADocumentReachedTwiceInOneBuildOnce() {
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
            #       ^^^^^^^ error[duplicate-object]: (apps/common/repo.yaml, reached twice)
              namespace: flux-system
            """,
        RULE);
  }

  @Test
  void letsAGeneratorMergeIntoTheObjectItNames() {
    assertFindings(
        ROOT
            + """
            #- apps/kustomization.yaml
            resources: [./base]
            configMapGenerator:
              - name: settings
                behavior: merge
                literals: [mode=fast]
            #- apps/base/kustomization.yaml
            configMapGenerator:
              - name: settings
                literals: [mode=slow, size=big]
            """,
        RULE);
  }

  @Test
  void countsAnUnsetNamespaceAsDefaultInOneBuild() {
    assertFindings(
        ROOT
            + """
            #- apps/a.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            #       ^^^^^^^^ error[duplicate-object]: ConfigMap/settings is twice in the build
            #- apps/b.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            #       ^^^^^^^^ error[duplicate-object]: is twice in the build
              namespace: default
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
  void ignoresUnresolvedNames() {
    assertFindings(
        TWO
            + """
            #- a/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: "${APP}", namespace: default}
            #- b/hr.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: "${APP}", namespace: default}
            """,
        RULE);
  }
}
