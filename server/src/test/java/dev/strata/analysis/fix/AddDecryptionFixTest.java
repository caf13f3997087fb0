package dev.strata.analysis.fix;

import static dev.strata.analysis.fix.FixTesting.ROOT;
import static dev.strata.analysis.fix.FixTesting.assertFix;

import org.junit.jupiter.api.Test;

class AddDecryptionFixTest {
  private static final String SECRET =
      """
      #- apps/db/app/kustomization.yaml
      resources: [secret.sops.yaml]
      #- apps/db/app/secret.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: db-superuser
      stringData:
        password: ENC[AES256_GCM,data:abc=,iv:def=,tag:ghi=,type:str]
      sops:
        mac: ENC[AES256_GCM,data:mac=,iv:def=,tag:ghi=,type:str]
        version: 3.10.2
      """;

  @Test
  void addsDecryptionAtTheEndOfSpecWithTwoSpaces() {
    Repo before =
        Repo.of(
            ROOT
                + SECRET
                + """
            #- apps/kustomization.yaml
            resources: [db/ks.yaml]
            #- apps/db/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: db
              namespace: flux-system
            spec:
              path: ./apps/db/app
              sourceRef:
                kind: GitRepository
                name: flux-system # the repository itself
            # trailing comment
            """);
    assertFix(
        before,
        "sops-decryption-missing",
        "apps/db/app/secret.sops.yaml",
        "Add spec.decryption",
        before.with(
            """
            #- apps/db/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: db
              namespace: flux-system
            spec:
              path: ./apps/db/app
              sourceRef:
                kind: GitRepository
                name: flux-system # the repository itself
              decryption:
                provider: sops
                secretRef:
                  name: sops-age
            # trailing comment
            """));
  }

  @Test
  void addsDecryptionToTheRightDocumentWithFourSpacesAndTheSecretNameInUse() {
    Repo before =
        Repo.of(
            ROOT
                + SECRET
                + """
            #- apps/kustomization.yaml
            resources: [db/ks.yaml, other/ks.yaml]
            #- apps/other/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: other
              namespace: flux-system
            spec:
              path: ./apps/other
              decryption: {provider: sops, secretRef: {name: flux-age}}
            #- apps/db/ks.yaml
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db-crds
                namespace: flux-system
            spec:
                path: ./apps/db/crds
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db
                namespace: flux-system
            spec:
                path: ./apps/db/app
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db-extra
                namespace: flux-system
            spec:
                path: ./apps/db/extra
            """);
    assertFix(
        before,
        "sops-decryption-missing",
        "apps/db/app/secret.sops.yaml",
        "Add spec.decryption (provider sops, secretRef flux-age)",
        before.with(
            """
            #- apps/db/ks.yaml
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db-crds
                namespace: flux-system
            spec:
                path: ./apps/db/crds
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db
                namespace: flux-system
            spec:
                path: ./apps/db/app
                decryption:
                    provider: sops
                    secretRef:
                        name: flux-age
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
                name: db-extra
                namespace: flux-system
            spec:
                path: ./apps/db/extra
            """));
  }

  @Test
  void keepsCrlfLineBreaksAndAFileWithoutFinalLineBreak() {
    Repo before =
        Repo.of(
                ROOT
                    + SECRET
                    + """
            #- apps/kustomization.yaml
            resources: [db/ks.yaml]
            #- apps/db/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: db
              namespace: flux-system
            spec:
              path: ./apps/db/app
            """)
            .crlf("db/ks.yaml");
    before = before.with("#- apps/db/ks.yaml\n" + before.file("apps/db/ks.yaml").stripTrailing());
    Repo expected =
        before.with(
            "#- apps/db/ks.yaml\n"
                + """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: db
              namespace: flux-system
            spec:
              path: ./apps/db/app
              decryption:
                provider: sops
                secretRef:
                  name: sops-age"""
                    .replace("\n", "\r\n"));
    assertFix(
        before,
        "sops-decryption-missing",
        "apps/db/app/secret.sops.yaml",
        "Add spec.decryption",
        expected);
  }
}
