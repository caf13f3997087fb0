package dev.strata.analysis.fix;

import static dev.strata.analysis.fix.FixTesting.ROOT;
import static dev.strata.analysis.fix.FixTesting.assertFix;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnknownDependencyFixTest {
  private static final String STORAGE =
      ROOT
          + """
          #- apps/kustomization.yaml
          resources: [storage.yaml, app.yaml]
          #- apps/storage.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: ceph-csi
            namespace: storage
          spec:
            path: ./storage
          """;

  @Test
  void replacesATypoInsideItsQuotes() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: storage
        spec:
          dependsOn:
            - name: "ceph-cs" # typo
          path: ./app
        """);
    assertFix(
        before,
        "unknown-dependency",
        "apps/app.yaml",
        "Replace with 'ceph-csi'",
        before.with(
            """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: storage
        spec:
          dependsOn:
            - name: "ceph-csi" # typo
          path: ./app
        """));
  }

  @Test
  void addsTheNamespaceWhereTheNameLivesInBlockStyle() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: default
        spec:
            dependsOn:
                - name: ceph-csi # storage first
            path: ./app
        """);
    assertFix(
        before,
        "unknown-dependency",
        "apps/app.yaml",
        "Add namespace storage",
        before.with(
            """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: default
        spec:
            dependsOn:
                - name: ceph-csi # storage first
                  namespace: storage
            path: ./app
        """));
  }

  @Test
  void addsTheNamespaceInFlowStyle() {
    Repo before =
        Repo.of(
                STORAGE
                    + """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: default
        spec:
          dependsOn: [{name: ceph-csi}]
          path: ./app
        """)
            .crlf("app.yaml");
    assertFix(
        before,
        "unknown-dependency",
        "apps/app.yaml",
        "Add namespace storage",
        before
            .with(
                """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: default
        spec:
          dependsOn: [{name: ceph-csi, namespace: storage}]
          path: ./app
        """)
            .crlf("app.yaml"));
  }

  @Test
  void replacesAWrongNamespace() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: default
        spec:
          dependsOn:
          - name: ceph-csi
            namespace: 'storag'
          path: ./app
        """);
    assertFix(
        before,
        "unknown-dependency",
        "apps/app.yaml",
        "Replace with 'storage/ceph-csi'",
        before.with(
            """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: default
        spec:
          dependsOn:
          - name: ceph-csi
            namespace: 'storage'
          path: ./app
        """));
  }

  @Test
  void offersNoReplacementWithoutASuggestion() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: storage
        spec:
          dependsOn:
            - name: something-else-entirely
          path: ./app
        """);
    var finding = before.finding("unknown-dependency", "apps/app.yaml");
    assertTrue(before.fixes(finding).stream().allMatch(f -> f.title().startsWith("Suppress")));
  }
}
