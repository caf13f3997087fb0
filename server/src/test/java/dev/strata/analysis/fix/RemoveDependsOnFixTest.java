package dev.strata.analysis.fix;

import static dev.strata.analysis.fix.FixTesting.ROOT;
import static dev.strata.analysis.fix.FixTesting.assertFix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveDependsOnFixTest {
  private static final String ESO =
      """
      #- apps/kustomization.yaml
      resources: [storage.yaml, eso.yaml]
      #- apps/eso.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: eso
        namespace: flux-system
      spec:
        dependsOn:
          - name: storage
        path: ./eso
      """;

  @Test
  void removesOneEntryWithItsCommentsAndKeepsTheOthers() {
    Repo before =
        Repo.of(
            ROOT
                + ESO
                + """
            #- apps/storage.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: storage
              namespace: flux-system
            spec:
              dependsOn:
                - name: apps
                # storage waits for the secrets
                - name: eso # because of the credentials
                  namespace: flux-system # same namespace
                - name: apps-2
              path: ./storage
            """);
    Finding finding =
        before.findings("dependency-cycle").stream()
            .filter(f -> f.file().equals("apps/storage.yaml"))
            .findFirst()
            .orElseThrow();
    Fix fix = before.fix(finding, "Remove dependsOn on flux-system/eso");
    assertEquals(
        "Remove dependsOn on flux-system/eso (breaks the cycle flux-system/eso -> flux-system/storage -> flux-system/eso)",
        fix.title());
    Repo after = before.apply(fix);
    after.assertSame(
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
            - name: apps
            # storage waits for the secrets
            - name: apps-2
          path: ./storage
        """));
    assertTrue(after.findings("dependency-cycle").isEmpty());
  }

  @Test
  void removesTheKeyWhenTheEntryIsTheOnlyOneInNonIndentedSequences() {
    Repo before =
        Repo.of(
            ROOT
                + ESO
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
        "Remove dependsOn",
        before.with(
            """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          path: ./storage
        """));
  }

  @Test
  void removesAFlowItemAndTheFlowKeyWhenItIsTheLast() {
    Repo before =
        Repo.of(
            ROOT
                + ESO
                + """
            #- apps/storage.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: storage
              namespace: flux-system
            spec:
              dependsOn: [{name: apps}, {name: eso}, {name: "apps-2"}]
              path: ./storage
            """);
    Repo after =
        assertFix(
            before,
            "dependency-cycle",
            "apps/storage.yaml",
            "Remove dependsOn",
            before.with(
                """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn: [{name: apps}, {name: "apps-2"}]
          path: ./storage
        """));
    assertTrue(after.findings("dependency-cycle").isEmpty());
    Repo only =
        before.with(
            """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          dependsOn: [{name: eso}] # why
          path: ./storage
        """);
    assertFix(
        only,
        "dependency-cycle",
        "apps/storage.yaml",
        "Remove dependsOn",
        only.with(
            """
        #- apps/storage.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: storage
          namespace: flux-system
        spec:
          path: ./storage
        """));
  }

  @Test
  void editsTheRightDocumentOfACrlfFileWithFourSpaces() {
    Repo before =
        Repo.of(
                ROOT
                    + """
            #- apps/kustomization.yaml
            resources: [all.yaml]
            #- apps/all.yaml
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: eso
                namespace: flux-system
            spec:
                dependsOn:
                    -   name: storage
                path: ./eso
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: storage
                namespace: flux-system
            spec:
                path: ./storage
                dependsOn:
                    -   name: eso
                    -   name: apps
            """)
            .crlf("all.yaml");
    List<Finding> findings = before.findings("dependency-cycle");
    Finding onStorage =
        findings.stream()
            .filter(f -> f.range().start().line() == 19 && f.file().equals("apps/all.yaml"))
            .findFirst()
            .orElseThrow();
    Repo after = before.apply(before.fix(onStorage, "Remove dependsOn on flux-system/eso"));
    after.assertSame(
        before
            .with(
                """
        #- apps/all.yaml
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: eso
            namespace: flux-system
        spec:
            dependsOn:
                -   name: storage
            path: ./eso
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: storage
            namespace: flux-system
        spec:
            path: ./storage
            dependsOn:
                -   name: apps
        """)
            .crlf("all.yaml"));
    assertTrue(after.findings("dependency-cycle").isEmpty());
  }
}
