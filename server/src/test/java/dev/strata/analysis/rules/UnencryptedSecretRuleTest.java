package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import dev.strata.text.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnencryptedSecretRuleTest {
  @Test
  void reportsPlainStringDataOnTheFirstPlainKeyInFilesNothingApplies() {
    assertFindings(
        """
        #- archive/app/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          empty: ""
          password: hunter2
        # ^^^^^^^^ error[unencrypted-secret]: Secret app has 1 value in the clear (password) and no SOPS encryption
        """,
        "unencrypted-secret");
  }

  @Test
  void reportsBase64DataBecauseEncodingIsNotEncryption() {
    assertFindings(
        """
        #- secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        data:
          username: YWRtaW4=
        # ^^^^^^^^ error[unencrypted-secret]: 2 values in the clear (username, password)
          password: aHVudGVyMg==
        """,
        "unencrypted-secret");
  }

  @Test
  void namesTheEncryptCommandForAnUnencryptedStub() {
    assertFindings(
        """
        #- apps/cloudflare/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: cloudflare
        stringData:
          api-token: REPLACE_ME
        # ^^^^^^^^^ error[unencrypted-secret]: this SOPS stub is plaintext until `sops --encrypt --in-place apps/cloudflare/secret.sops.yaml` runs
        """,
        "unencrypted-secret");
  }

  @Test
  void reportsAStubWithoutSopsBlockEvenWhenItHoldsNoSecret() {
    // The finding sits at the start of the document, an empty range that carets cannot draw.
    List<Finding> findings =
        Fixture.of(
                """
                #- talos/talsecret.sops.yaml
                cluster:
                  id: abc
                """)
            .findings("unencrypted-secret");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(Range.ZERO, findings.get(0).range());
    assertTrue(
        findings
            .get(0)
            .message()
            .contains(
                "is named as a SOPS file but is not encrypted; run `sops --encrypt --in-place talos/talsecret.sops.yaml`"),
        findings.get(0).message());
  }

  @Test
  void doesNotTakeTheSopsConfigurationForAStub() {
    assertFindings(
        """
        #- .sops.yaml
        creation_rules:
          - path_regex: .*\\.sops\\.yaml
            age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """,
        "unencrypted-secret");
  }

  @Test
  void ignoresPlaceholdersEmptyValuesAndReferences() {
    assertFindings(
        """
        #- apps/app/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          password: ${APP_PASSWORD}
          url: postgres://app:${APP_PASSWORD}@postgres.database.svc:5432/app
          unset: ""
          missing:
          token: op://kubernetes/app/token
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: empty
        type: kubernetes.io/tls
        """,
        "unencrypted-secret");
  }

  @Test
  void ignoresSopsEncryptedSecretsWhateverTheirName() {
    assertFindings(
        """
        #- apps/app/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          password: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
          encrypted_regex: ^(data|stringData)$
        """,
        "unencrypted-secret");
  }

  @Test
  void ignoresAnEncryptedFileWhoseKindIsEncrypted() {
    assertFindings(
        """
        #- bootstrap/backup.sops.yaml
        apiVersion: ENC[AES256_GCM,data:djE=,iv:YWJj,tag:ZGVm,type:str]
        kind: ENC[AES256_GCM,data:U2VjcmV0,iv:YWJj,tag:ZGVm,type:str]
        metadata:
          name: ENC[AES256_GCM,data:YmFja3Vw,iv:YWJj,tag:ZGVm,type:str]
        stringData:
          key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
          unencrypted_suffix: _unencrypted
        """,
        "unencrypted-secret");
  }

  @Test
  void reportsAPlainValueBesideEncryptedOnesWhenTheSopsBlockHasNoMac() {
    assertFindings(
        """
        #- apps/app/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          password: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
          username: admin
        # ^^^^^^^^ error[unencrypted-secret]: 1 value in the clear (username)
        sops:
          age: []
        """,
        "unencrypted-secret");
  }

  @Test
  void leavesSecretsAloneWhoseDecryptionIsDisabled() {
    assertFindings(
        """
        #- apps/app/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
          annotations:
            kustomize.toolkit.fluxcd.io/decrypt: disabled
        stringData:
          password: hunter2
        """,
        "unencrypted-secret");
  }

  @Test
  void takesItsSeverityFromStrataYaml() {
    assertFindings(
        """
        #- .strata.yaml
        rules:
          unencrypted-secret: warning
          bootstrap-deadlock: off
        #- secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          password: hunter2
        # ^^^^^^^^ warning[unencrypted-secret]
        """,
        "unencrypted-secret");
  }

  @Test
  void isSilencedByAnIgnoreComment() {
    assertFindings(
        """
        #- secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          # strata-ignore: unencrypted-secret
          password: not-a-secret
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: other
        stringData:
          token: not-a-secret-either # strata-ignore: unencrypted-secret
        """,
        "unencrypted-secret");
  }
}
