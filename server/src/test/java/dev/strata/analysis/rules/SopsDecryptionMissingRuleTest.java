package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class SopsDecryptionMissingRuleTest {
  private static final String ROOT =
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
      """;

  private static final String DATABASE =
      """
      #- apps/database.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: database
        namespace: flux-system
        labels:
          sops: enabled
      spec:
        path: ./infra/database
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  private static final String SECRET =
      """
      #- infra/database/secret.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: superuser
      #       ^^^^^^^^^ error[sops-decryption-missing]: Secret database/superuser is SOPS-encrypted, but Kustomization flux-system/database applies it without spec.decryption
        namespace: database
      stringData:
        password: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        encrypted_regex: ^(data|stringData)$
      """;

  private static String apps(String patches) {
    return """
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
        """
        + patches;
  }

  private static String patch(String target) {
    return """
          patches:
            - patch: |-
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: _
                spec:
                  decryption:
                    provider: sops
                    secretRef:
                      name: sops-age
              target:
        %s
        """
        .formatted(target);
  }

  private static String withoutFinding(String text) {
    return text.replaceAll("(?m)^#\\s+\\^+ error\\[sops-decryption-missing].*\\n", "");
  }

  @Test
  void reportsASopsSecretAppliedByAKustomizationWithoutDecryption() {
    assertFindings(ROOT + apps("") + DATABASE + SECRET, "sops-decryption-missing");
  }

  @Test
  void staysSilentWhenTheKustomizationDecryptsItself() {
    assertFindings(
        withoutFinding(
            ROOT
                + apps("")
                + DATABASE.replace(
                    "  path: ./infra/database\n",
                    "  path: ./infra/database\n  decryption:\n    provider: sops\n")
                + SECRET),
        "sops-decryption-missing");
  }

  @Test
  void staysSilentWhenTheParentPatchesDecryptionInByKind() {
    assertFindings(
        withoutFinding(
            ROOT
                + apps(
                    patch(
                        "          group: kustomize.toolkit.fluxcd.io\n          kind: Kustomization"))
                + DATABASE
                + SECRET),
        "sops-decryption-missing");
  }

  @Test
  void staysSilentWhenTheParentPatchesDecryptionInByLabelSelector() {
    assertFindings(
        withoutFinding(
            ROOT
                + apps(
                    patch("          kind: Kustomization\n          labelSelector: sops=enabled"))
                + DATABASE
                + SECRET),
        "sops-decryption-missing");
  }

  @Test
  void reportsWhenTheParentPatchSelectsOtherLabels() {
    assertFindings(
        ROOT
            + apps(patch("          kind: Kustomization\n          labelSelector: sops=disabled"))
            + DATABASE
            + SECRET,
        "sops-decryption-missing");
  }

  @Test
  void reportsWhenThePatchedDecryptionIsNotSops() {
    assertFindings(
        ROOT
            + apps("")
            + DATABASE.replace(
                "  path: ./infra/database\n",
                "  path: ./infra/database\n  decryption:\n    provider: vault\n")
            + SECRET,
        "sops-decryption-missing");
  }

  @Test
  void ignoresObjectsThatOptOutOfDecryption() {
    assertFindings(
        withoutFinding(
            ROOT
                + apps("")
                + DATABASE
                + SECRET.replace(
                    "  namespace: database\n",
                    "  namespace: database\n  annotations:\n    kustomize.toolkit.fluxcd.io/decrypt: disabled\n")),
        "sops-decryption-missing");
  }

  @Test
  void ignoresEncryptedFilesThatNoKustomizationApplies() {
    assertFindings(
        ROOT
            + apps("")
            + """
            #- bootstrap/sops-age.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: sops-age
              namespace: flux-system
            stringData:
              age.agekey: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
            """,
        "sops-decryption-missing");
  }

  @Test
  void reportsObjectsOfASelfApplyingRootWithoutDecryption() {
    // The root applies its own definition from Git, so Git's copy is what runs in the cluster.
    assertFindings(
        ROOT
            + """
            #- clusters/home/cluster-secrets.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-secrets
            #       ^^^^^^^^^^^^^^^ error[sops-decryption-missing]
              namespace: flux-system
            stringData:
              DOMAIN: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
            """,
        "sops-decryption-missing");
  }

  @Test
  void staysSilentWhenTheRootsOwnKustomizationPatchesDecryptionIn() {
    assertFindings(
        ROOT
            + """
            #- clusters/home/flux-system/kustomization.yaml
            resources: [gotk-sync.yaml]
            patches:
              - patch: |
                  - op: add
                    path: /spec/decryption
                    value: {provider: sops, secretRef: {name: sops-age}}
                target:
                  kind: Kustomization
                  name: flux-system
            #- clusters/home/cluster-secrets.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-secrets
              namespace: flux-system
            stringData:
              DOMAIN: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
            """,
        "sops-decryption-missing");
  }
}
