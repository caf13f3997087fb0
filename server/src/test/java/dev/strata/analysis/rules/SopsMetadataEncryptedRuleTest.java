package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class SopsMetadataEncryptedRuleTest {
  @Test
  void reportsAnEncryptedKindOnTheKindValue() {
    assertFindings(
        """
        #- bootstrap/backup.sops.yaml
        apiVersion: ENC[AES256_GCM,data:djE=,iv:YWJj,tag:ZGVm,type:str]
        kind: ENC[AES256_GCM,data:U2VjcmV0,iv:YWJj,tag:ZGVm,type:str]
        #     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[sops-metadata-encrypted]: encrypted_regex: ^(data|stringData)$
        metadata:
          name: ENC[AES256_GCM,data:YmFja3Vw,iv:YWJj,tag:ZGVm,type:str]
        stringData:
          key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
          unencrypted_suffix: _unencrypted
        """,
        "sops-metadata-encrypted");
  }

  @Test
  void reportsEncryptedMetadataUnderAPlainKind() {
    assertFindings(
        """
        #- apps/app/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        #     ^^^^^^ error[sops-metadata-encrypted]
        metadata:
          name: app
          labels:
            team: ENC[AES256_GCM,data:YQ==,iv:YWJj,tag:ZGVm,type:str]
        stringData:
          key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        """,
        "sops-metadata-encrypted");
  }

  @Test
  void staysSilentWhenOnlyDataIsEncrypted() {
    assertFindings(
        """
        #- apps/app/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
          encrypted_regex: ^(data|stringData)$
        """,
        "sops-metadata-encrypted");
  }

  @Test
  void staysSilentOnPlainDocumentsThatMerelyMentionEnc() {
    assertFindings(
        """
        #- apps/app/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ENC[not-really]
        data:
          note: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        """,
        "sops-metadata-encrypted");
  }
}
