package dev.strata.analysis.fix;

import static dev.strata.analysis.fix.FixTesting.assertFix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddDependsOnFixTest {
  private static final String KS = "apps/app/ks.yaml";

  private static Finding findingOn(Repo repo, String provider) {
    return repo.findings("missing-dependency").stream()
        .filter(f -> f.file().equals(KS))
        .filter(f -> f.message().contains("from Kustomization " + provider + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError(repo.findings()));
  }

  @Test
  void createsDependsOnUnderSpecWithTheNamespaceWhenItDiffers() {
    Repo before =
        Repo.of(
            Eso.UNORDERED
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: flux-system
        spec:
          # where the manifests are
          path: ./apps/app/app
        """);
    Finding finding = findingOn(before, "external-secrets/external-secrets");
    Fix fix = before.fix(finding, "Add dependsOn on external-secrets/external-secrets");
    assertTrue(fix.preferred());
    before
        .apply(fix)
        .assertSame(
            before.with(
                """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: flux-system
        spec:
          dependsOn:
            - name: external-secrets
              namespace: external-secrets
          # where the manifests are
          path: ./apps/app/app
        """));
  }

  @Test
  void addsAllMissingProvidersInOneActionAndBothFindingsGo() {
    Repo before =
        Repo.of(
            Eso.UNORDERED
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: flux-system
        spec:
          path: ./apps/app/app
        """);
    assertEquals(
        2, before.findings("missing-dependency").stream().filter(f -> f.file().equals(KS)).count());
    Finding finding = findingOn(before, "external-secrets/external-secrets-stores");
    List<String> titles = before.fixes(finding).stream().map(Fix::title).toList();
    assertEquals("Add dependsOn on external-secrets/external-secrets-stores", titles.get(0));
    assertTrue(titles.get(1).startsWith("Add dependsOn on all 2 ("), titles.toString());
    Repo after = before.apply(before.fix(finding, "Add dependsOn on all 2"));
    after.assertSame(
        before.with(
            """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: flux-system
        spec:
          dependsOn:
            - name: external-secrets
              namespace: external-secrets
            - name: external-secrets-stores
              namespace: external-secrets
          path: ./apps/app/app
        """));
    assertTrue(
        after.findings("missing-dependency").stream().noneMatch(f -> f.file().equals(KS)),
        () -> after.findings().toString());
  }

  @Test
  void appendsToANonIndentedSequenceWithFourSpacesKeepingComments() {
    Repo before =
        Repo.of(
            Eso.OPERATOR
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: external-secrets
        spec:
            dependsOn:
            - name: external-secrets # the operator
            # nothing else yet
            path: ./apps/app/app
        """);
    assertFix(
        before,
        "missing-dependency",
        KS,
        "Add dependsOn on external-secrets/external-secrets-stores",
        before.with(
            """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: external-secrets
        spec:
            dependsOn:
            - name: external-secrets # the operator
            - name: external-secrets-stores
            # nothing else yet
            path: ./apps/app/app
        """));
  }

  @Test
  void createsDependsOnInTheFilesStyleWithFourSpacesAndNonIndentedSequences() {
    Repo before =
        Repo.of(
            Eso.OPERATOR
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: flux-system
        spec:
            path: ./apps/app/app
            components:
            - ../common
        """);
    assertFix(
        before,
        "missing-dependency",
        KS,
        "Add dependsOn",
        before.with(
            """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
            name: app
            namespace: flux-system
        spec:
            dependsOn:
            - name: external-secrets-stores
              namespace: external-secrets
            path: ./apps/app/app
            components:
            - ../common
        """));
  }

  @Test
  void appendsAFlowItemToAFlowSequence() {
    Repo before =
        Repo.of(
            Eso.OPERATOR
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: external-secrets
        spec:
          dependsOn: [{name: external-secrets}] # operator first
          path: ./apps/app/app
        """);
    assertFix(
        before,
        "missing-dependency",
        KS,
        "Add dependsOn",
        before.with(
            """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: external-secrets
        spec:
          dependsOn: [{name: external-secrets}, {name: external-secrets-stores}] # operator first
          path: ./apps/app/app
        """));
  }

  @Test
  void editsTheRightDocumentOfACrlfMultiDocumentFile() {
    Repo before =
        Repo.of(
                Eso.OPERATOR
                    + """
        #- apps/app/ks.yaml
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app-config
          namespace: external-secrets
        spec:
          path: ./apps/app/config
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: external-secrets
        spec:
          dependsOn:
            - name: external-secrets
          path: ./apps/app/app
        """)
            .crlf(KS);
    assertFix(
        before,
        "missing-dependency",
        KS,
        "Add dependsOn",
        before
            .with(
                """
        #- apps/app/ks.yaml
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app-config
          namespace: external-secrets
        spec:
          path: ./apps/app/config
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: external-secrets
        spec:
          dependsOn:
            - name: external-secrets
            - name: external-secrets-stores
          path: ./apps/app/app
        """)
            .crlf(KS));
  }

  @Test
  void offersNothingThatWouldCloseACycle() {
    String storesWaitForApp =
        Eso.OPERATOR.replace(
            "    - name: external-secrets\n  path: ./apps/eso/stores",
            "    - name: external-secrets\n    - name: app\n      namespace: flux-system\n  path: ./apps/eso/stores");
    assertNotEquals(Eso.OPERATOR, storesWaitForApp);
    Repo before =
        Repo.of(
            storesWaitForApp
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: flux-system
        spec:
          path: ./apps/app/app
        """);
    Finding stores = findingOn(before, "external-secrets/external-secrets-stores");
    assertTrue(
        before.fixes(stores).stream().noneMatch(f -> f.title().startsWith("Add dependsOn")),
        () -> before.fixes(stores).toString());
  }
}
