package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import dev.strata.testing.FixtureAssertions;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SopsMetadataEncryptedRuleTest {
  private static final String RULE = "sops-metadata-encrypted";

  /** A root Kustomization applying ./apps with SOPS decryption; %s adds to its spec. */
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
        decryption: {provider: sops, secretRef: {name: sops-age}}
      %s""";

  /** A Secret encrypted whole, as {@code sops --encrypt} does without encrypted_regex. */
  private static final String WHOLE =
      """
      #- apps/app/backup.sops.yaml
      apiVersion: ENC[AES256_GCM,data:djE=,iv:YWJj,tag:ZGVm,type:str]
      kind: ENC[AES256_GCM,data:U2VjcmV0,iv:YWJj,tag:ZGVm,type:str]
      %s
      metadata:
        name: ENC[AES256_GCM,data:YmFja3Vw,iv:YWJj,tag:ZGVm,type:str]
      stringData:
        key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        unencrypted_suffix: _unencrypted
      """;

  private static final String CARETS =
      "#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

  @Test
  void informsThatWholeFileEncryptionWorksWhenNoTransformerReachesIt() {
    assertFindings(
        ROOT.formatted("")
            + WHOLE.formatted(
                CARETS
                    + " info[sops-metadata-encrypted]: this works today, since kustomize passes the"
                    + " object through and kustomize-controller decrypts it after the build, but any"
                    + " namespace"),
        RULE);
  }

  /**
   * Which files hold such a manifest is carried from one snapshot to the next by changed path: an
   * edit that encrypts a file's metadata, and one that decrypts it again, reach the next analysis.
   */
  @Test
  void anEditThatEncryptsOrDecryptsTheMetadataReachesTheNextAnalysis() {
    String path = "apps/app/backup.sops.yaml";
    Snapshot encrypted = Fixture.of(ROOT.formatted("") + WHOLE.formatted("")).snapshot();
    assertEquals(List.of(Severity.INFO), severities(encrypted));
    // The fixture's text, not the snapshot's: a snapshot holds ciphertext masked.
    String text = WHOLE.formatted("").substring(WHOLE.indexOf('\n') + 1);
    String plain =
        text.replace(
                "apiVersion: ENC[AES256_GCM,data:djE=,iv:YWJj,tag:ZGVm,type:str]", "apiVersion: v1")
            .replace(
                "kind: ENC[AES256_GCM,data:U2VjcmV0,iv:YWJj,tag:ZGVm,type:str]", "kind: Secret")
            .replace(
                "name: ENC[AES256_GCM,data:YmFja3Vw,iv:YWJj,tag:ZGVm,type:str]", "name: backup");
    Snapshot decrypted = encrypted.withFile(SourceFile.parse(path, plain));
    assertEquals(List.of(), severities(decrypted));
    Snapshot again = decrypted.withFile(SourceFile.parse(path, text));
    assertEquals(List.of(Severity.INFO), severities(again));
  }

  private static List<Severity> severities(Snapshot snapshot) {
    return FixtureAssertions.severities(snapshot, RULE);
  }

  @Test
  void reportsAnEnclosingNamespaceThatBreaksDecryption() {
    assertFindings(
        ROOT.formatted("")
            + """
            #- apps/kustomization.yaml
            namespace: backup
            resources: [./app/backup.sops.yaml]
            """
            + WHOLE.formatted(
                CARETS
                    + " error[sops-metadata-encrypted]: and Kustomization flux-system/apps rewrites it"
                    + " before decrypting it: metadata.namespace (apps/kustomization.yaml). That"
                    + " plaintext lands under a path SOPS encrypted, so decryption fails"),
        RULE);
  }

  @Test
  void pointsAtTheTransformerAndTheKustomization() {
    List<Finding> findings =
        Fixture.of(
                ROOT.formatted("")
                    + """
                    #- apps/kustomization.yaml
                    namespace: backup
                    resources: [./app/backup.sops.yaml]
                    """
                    + WHOLE.formatted(""))
            .findings(RULE);
    assertEquals(1, findings.size());
    assertEquals(Severity.ERROR, findings.get(0).severity());
    List<Finding.Related> related = findings.get(0).related();
    assertEquals("apps/kustomization.yaml", related.get(0).file());
    assertEquals(0, related.get(0).range().start().line());
    assertEquals("writes metadata.namespace here", related.get(0).message());
    assertEquals("clusters/home/apps.yaml", related.get(1).file());
  }

  @Test
  void reportsTheFluxTargetNamespaceThatBreaksDecryption() {
    assertFindings(
        ROOT.formatted("  targetNamespace: backup\n")
            + WHOLE.formatted(
                CARETS
                    + " error[sops-metadata-encrypted]: rewrites it before decrypting it:"
                    + " metadata.namespace (clusters/home/apps.yaml)"),
        RULE);
  }

  @Test
  void reportsLabelsAndPrefixesThatBreakDecryption() {
    assertFindings(
        ROOT.formatted("")
            + """
            #- apps/kustomization.yaml
            namePrefix: home-
            commonLabels: {team: storage}
            resources: [./app/backup.sops.yaml]
            """
            + WHOLE.formatted(
                CARETS
                    + " error[sops-metadata-encrypted]: metadata.labels (apps/kustomization.yaml),"
                    + " metadata.name (apps/kustomization.yaml)"),
        RULE);
  }

  @Test
  void followsTheDocumentsSelectionRuleToTellWhatBreaks() {
    String secret =
        """
        #- apps/app/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        %s
        metadata:
          name: app
          labels:
            team: ENC[AES256_GCM,data:YQ==,iv:YWJj,tag:ZGVm,type:str]
        stringData:
          key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        sops:
          mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
          encrypted_regex: ^(labels|stringData)$
        """;
    assertFindings(
        ROOT.formatted("  targetNamespace: backup\n")
            + secret.formatted("#     ^^^^^^ info[sops-metadata-encrypted]: works today"),
        RULE);
    assertFindings(
        ROOT.formatted("")
            + """
            #- apps/kustomization.yaml
            labels: [{pairs: {tier: one}}]
            resources: [./app/secret.sops.yaml]
            """
            + secret.formatted(
                "#     ^^^^^^ error[sops-metadata-encrypted]: metadata.labels (apps/kustomization.yaml)"),
        RULE);
  }

  @Test
  void reportsASecretGeneratorThatMergesIntoTheEncryptedSecret() {
    assertFindings(
        ROOT.formatted("")
            + """
            #- apps/kustomization.yaml
            resources: [./app/secret.sops.yaml]
            secretGenerator:
              - name: app
                behavior: merge
                files: [extra.txt]
            #- apps/app/secret.sops.yaml
            apiVersion: v1
            kind: Secret
            #     ^^^^^^ error[sops-metadata-encrypted]: rewrites it before decrypting it: data (apps/kustomization.yaml)
            metadata:
              name: app
              annotations:
                owner: ENC[AES256_GCM,data:YQ==,iv:YWJj,tag:ZGVm,type:str]
            data:
              key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
              unencrypted_suffix: _unencrypted
            """,
        RULE);
  }

  @Test
  void reportsAnEncryptedKindOnTheKindValue() {
    assertFindings(
        """
        #- bootstrap/backup.sops.yaml
        apiVersion: ENC[AES256_GCM,data:djE=,iv:YWJj,tag:ZGVm,type:str]
        kind: ENC[AES256_GCM,data:U2VjcmV0,iv:YWJj,tag:ZGVm,type:str]
        #     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[sops-metadata-encrypted]: encrypted_regex: ^(data|stringData)$
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
        #     ^^^^^^ info[sops-metadata-encrypted]
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
