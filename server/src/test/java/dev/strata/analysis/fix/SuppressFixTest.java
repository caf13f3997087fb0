package dev.strata.analysis.fix;

import static dev.strata.analysis.fix.FixTesting.ROOT;
import static dev.strata.analysis.fix.FixTesting.assertFix;

import org.junit.jupiter.api.Test;

class SuppressFixTest {
  private static final String CYCLE =
      ROOT
          + """
          #- apps/kustomization.yaml
          resources: [eso.yaml, storage.yaml]
          #- apps/eso.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: eso
            namespace: flux-system
          spec:
            dependsOn: [{name: storage}]
            path: ./eso
          """;

  @Test
  void insertsTheCommentAboveAtTheLinesIndentation() {
    Repo before =
        Repo.of(
            CYCLE
                + """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn:
            - name: eso
          path: ./storage
        """);
    assertFix(
        before,
        "dependency-cycle",
        "apps/storage.yaml",
        "Suppress dependency-cycle",
        before.with(
            """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn:
            # strata-ignore: dependency-cycle
            - name: eso
          path: ./storage
        """));
  }

  @Test
  void suppressesInAFlowSequenceOfACrlfFile() {
    Repo before =
        Repo.of(
                CYCLE
                    + """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          path: ./storage
          dependsOn: [{name: eso}]
        """)
            .crlf("apps/");
    assertFix(
        before,
        "dependency-cycle",
        "apps/eso.yaml",
        "Suppress",
        before
            .with(
                """
        #- apps/eso.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: eso
          namespace: flux-system
        spec:
          # strata-ignore: dependency-cycle
          dependsOn: [{name: storage}]
          path: ./eso
        """)
            .crlf("apps/"));
  }

  @Test
  void joinsAnExistingSuppressionInTheRightDocument() {
    Repo before =
        Repo.of(
            CYCLE
                + """
        #- apps/storage.yaml
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: storage
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn:
          # strata-ignore: unknown-dependency
          - name: eso
          path: ./storage
        """);
    assertFix(
        before,
        "dependency-cycle",
        "apps/storage.yaml",
        "Suppress",
        before.with(
            """
        #- apps/storage.yaml
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: storage
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn:
          # strata-ignore: unknown-dependency, dependency-cycle
          - name: eso
          path: ./storage
        """));
  }
}
