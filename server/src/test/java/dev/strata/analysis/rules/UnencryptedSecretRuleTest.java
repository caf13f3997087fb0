package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  // Key material for the tests below: the private key bodies carry the canary, never a real key.
  private static final String CANARY = "CaNaRy7f3a91";
  private static final String PRIVATE_KEY =
      "-----BEGIN OPENSSH PRIVATE KEY-----\n"
          + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
          + "QyNTUxOQAAACDjKqp5Fc65tEnRulDqKii7Gm4B+QvaJFotHYdpfRiiZQAAAJg"
          + CANARY
          + "\n-----END OPENSSH PRIVATE KEY-----\n";
  private static final String RSA_KEY =
      "-----BEGIN RSA PRIVATE KEY-----\n"
          + "MIIEowIBAAKCAQEAoItJhIMz1TTBKdUEt3fbaNDjRTtsIvk15K"
          + CANARY
          + "\n-----END RSA PRIVATE KEY-----\n";
  private static final String CERTIFICATE =
      "-----BEGIN CERTIFICATE-----\n"
          + "MIIDEzCCAfugAwIBAgIQGNVHDawVlUNSj2X8lzufmzANBgkqhkiG9w0BAQsFADAU\n"
          + "-----END CERTIFICATE-----\n";
  private static final String SSH_PUBLIC =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";

  private static String base64(String text) {
    return java.util.Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * A YAML double-quoted scalar: the caret line can follow its key, which a block scalar forbids.
   */
  private static String quoted(String text) {
    return "\"" + text.replace("\n", "\\n") + "\"";
  }

  private static String block(String text, int indent) {
    return text.indent(indent).stripTrailing();
  }

  @Test
  void ignoresPublicSshKeysButReportsThePrivateKeyBesideThem() {
    assertFindings(
        """
        #- apps/git/keys.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: deploy-keys-public
        stringData:
          id_ed25519.pub: %1$s
          authorized_keys: |
            %1$s
            command="/bin/true",no-pty ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 ops@bastion
            sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIJ key@yubikey
          known_hosts: |
            github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl
            |1|JfKTdBh7rNbXkVAQCRp4OQoPfmI=|USECr3SWf1JUPsms5AqfD5QfxkM= ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: deploy-keys
        stringData:
          id_ed25519.pub: %1$s
          id_ed25519: %2$s
        # ^^^^^^^^^^ error[unencrypted-secret]: Secret deploy-keys has 1 value in the clear (id_ed25519: a private key)
        """
            .formatted(SSH_PUBLIC, quoted(PRIVATE_KEY)),
        "unencrypted-secret");
  }

  @Test
  void ignoresCertificatesBesideAnEncryptedKey() {
    String tls =
        """
        #- apps/web/tls.yaml
        apiVersion: v1
        kind: Secret
        type: kubernetes.io/tls
        metadata:
          name: web-tls
        data:
          ca.crt: %1$s
          tls.crt: %1$s
          tls.key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
        stringData:
          bundle.pem: |
        %2$s
        """
            .formatted(base64(CERTIFICATE + CERTIFICATE), block(CERTIFICATE + CERTIFICATE, 4));
    assertFindings(tls, "unencrypted-secret");
    assertFindings(
        tls
            + """
            sops:
              mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
              encrypted_regex: ^tls\\.key$
            """,
        "unencrypted-secret");
  }

  @Test
  void reportsOnlyTheBase64PrivateKeyOfACertificatePair() {
    assertFindings(
        """
        #- talos/cilium.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: cilium-ca
          namespace: kube-system
        data:
          ca.crt: %s
          ca.key: %s
        # ^^^^^^ error[unencrypted-secret]: Secret cilium-ca has 1 value in the clear (ca.key: a private key)
        """
            .formatted(base64(CERTIFICATE), base64(RSA_KEY)),
        "unencrypted-secret");
  }

  @Test
  void reportsAPrivateKeyInAConfigMap() {
    assertFindings(
        """
        #- apps/proxy/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: proxy-tls
          namespace: proxy
        data:
          tls.crt: |
        %s
          tls.key: %s
        # ^^^^^^^ error[unencrypted-secret]: ConfigMap proxy/proxy-tls holds a private key in the clear at data.tls.key: anyone with the repository can read it; put it in a SOPS-encrypted Secret
        """
            .formatted(block(CERTIFICATE, 4), quoted(RSA_KEY)),
        "unencrypted-secret");
  }

  @Test
  void reportsAPrivateKeyInHelmReleaseValuesPlainOrBase64() {
    assertFindings(
        """
        #- apps/cilium/helmrelease.yaml
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: cilium
          namespace: kube-system
        spec:
          values:
            tls:
              ca:
                cert: %s
                key: %s
        #       ^^^ error[unencrypted-secret]: HelmRelease kube-system/cilium holds a private key in the clear at spec.values.tls.ca.key: anyone with the repository can read it; put it in a SOPS-encrypted Secret and give it to the chart with valuesFrom
            hubble:
              tls:
                - name: server
                  key: %s
        #         ^^^ error[unencrypted-secret]: at spec.values.hubble.tls[0].key
        """
            .formatted(base64(CERTIFICATE), base64(RSA_KEY), quoted(PRIVATE_KEY)),
        "unencrypted-secret");
  }

  @Test
  void reportsAPrivateKeyInASecretGeneratorLiteral() {
    List<Finding> findings =
        Fixture.of(
                """
                #- apps/proxy/kustomization.yaml
                secretGenerator:
                  - name: proxy-tls
                    literals:
                      - %s
                """
                    .formatted(quoted("tls.key=" + RSA_KEY)))
            .findings("unencrypted-secret");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(3, findings.get(0).range().start().line());
    assertTrue(
        findings
            .get(0)
            .message()
            .startsWith(
                "This kustomization file holds a private key in the clear at"
                    + " secretGenerator[0].literals[0]: "),
        findings.get(0).message());
    assertFalse(findings.get(0).message().contains(CANARY));
  }

  @Test
  void ignoresKeyArmourAroundPlaceholders() {
    assertFindings(
        """
        #- apps/proxy/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: proxy-tls
        data:
          tls.key: |
            -----BEGIN PRIVATE KEY-----
            ${TLS_KEY_BODY_FROM_POSTBUILD_SUBSTITUTION_VARIABLES}
            -----END PRIVATE KEY-----
          example: |
            -----BEGIN PRIVATE KEY-----
            ...
            -----END PRIVATE KEY-----
        """,
        "unencrypted-secret");
  }

  @Test
  void neverKeepsOrPrintsAPrivateKey() {
    Fixture fixture =
        Fixture.of(
            """
            #- apps/proxy/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: proxy-tls
            data:
              tls.key: |
            %s
              ca.key: %s
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: proxy-tls
            data:
              tls.key: %s
            stringData:
              id: %s
            """
                .formatted(
                    block(RSA_KEY, 4),
                    base64(RSA_KEY),
                    base64(PRIVATE_KEY),
                    "\"" + SSH_PUBLIC + "\""));
    List<Finding> findings = fixture.findings("unencrypted-secret");
    assertEquals(3, findings.size(), findings.toString());
    for (Finding finding : findings) {
      assertFalse(finding.toString().contains(CANARY), finding.toString());
      assertFalse(finding.toString().contains("MIIEowIBAAKC"), finding.toString());
    }
    dev.strata.workspace.SourceFile file =
        fixture.snapshot().file("apps/proxy/configmap.yaml").orElseThrow();
    String everything = file.text() + file.syntax().documents() + file.manifests();
    assertFalse(everything.contains(CANARY), "the canary is kept");
    assertFalse(everything.contains(base64(RSA_KEY).substring(48, 80)), "the base64 key is kept");
    assertFalse(
        everything.contains(base64(PRIVATE_KEY).substring(52, 84)), "the base64 key is kept");
    assertTrue(file.text().contains("-----BEGIN RSA PRIVATE KEY-----"), "the armour stays");
  }

  @Test
  void warnsOfAStubSecretThatHoldsNoValueYet() {
    assertFindings(
        """
        #- apps/kopia/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: kopia-sync
        #       ^^^^^^^^^^ warning[unencrypted-secret]: is named as a SOPS file but is not encrypted; it holds no secret value yet
        stringData:
          repository.config: |
        """,
        "unencrypted-secret");
  }
}
