package dev.strata.analysis.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.text.Range;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvertToSopsFixTest {
  private static final String STUB = "apps/app/app/secret.sops.yaml";

  /**
   * Storage whose CSI credentials come from an ExternalSecret: infrastructure in External Secrets.
   */
  private static final String STORAGE =
      Eso.OPERATOR
          + """
          #- apps/app/ks.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: ceph-csi
            namespace: storage
          spec:
            dependsOn:
              - name: external-secrets-stores
                namespace: external-secrets
            path: ./apps/app/app
            targetNamespace: storage
          #- apps/app/app/kustomization.yaml
          resources:
            # the CSI credentials
            - ./externalsecret.yaml # from 1Password
            - ./storageclass.yaml
          #- apps/app/app/storageclass.yaml
          apiVersion: storage.k8s.io/v1
          kind: StorageClass
          metadata:
            name: cephfs
          provisioner: cephfs.csi.ceph.com
          parameters:
            csi.storage.k8s.io/provisioner-secret-name: ceph-secret
            csi.storage.k8s.io/provisioner-secret-namespace: storage
          #- apps/app/app/externalsecret.yaml
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: ceph
          spec:
            secretStoreRef:
              kind: ClusterSecretStore
              name: onepassword
            target:
              name: ceph-secret
            data:
              - secretKey: adminID
                remoteRef:
                  key: ceph
                  property: admin_id
              - secretKey: adminKey
                remoteRef:
                  key: ceph
                  property: admin_key
          """;

  /**
   * Applies the fix and checks that the only new finding is the stub's {@code unencrypted-secret}.
   */
  static Repo convert(Repo before, Fix fix, String stub) {
    Repo after = before.apply(fix);
    Set<String> old = new HashSet<>(keys(before.findings()));
    List<String> added = keys(after.findings()).stream().filter(k -> !old.contains(k)).toList();
    assertFalse(added.isEmpty(), "the stub is reported");
    assertTrue(
        added.stream().allMatch(k -> k.startsWith("unencrypted-secret " + stub + " ")),
        () -> "new findings: " + added);
    return after;
  }

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.rule() + " " + f.file() + " " + f.message()).toList();
  }

  @Test
  void convertsAnInfrastructureSecretInOneStep() {
    Repo before = Repo.of(STORAGE);
    Finding finding =
        before.finding(
            "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml");
    Fix fix = before.fix(finding, "Convert to SOPS Secret");
    assertTrue(fix.preferred());
    assertFalse(fix.refactor());
    assertEquals(
        "Convert to SOPS Secret secret.sops.yaml (adds spec.decryption to storage/ceph-csi;"
            + " removes dependsOn on external-secrets/external-secrets-stores)",
        fix.title());
    Repo after = convert(before, fix, STUB);
    after.assertSame(
        before.with(
            """
        #- apps/app/app/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: ceph-secret
        type: Opaque
        stringData:
          adminID: "REPLACE_ME" # from onepassword key "ceph" property "admin_id"
          adminKey: "REPLACE_ME" # from onepassword key "ceph" property "admin_key"
        #- apps/app/app/kustomization.yaml
        resources:
          # the CSI credentials
          - ./secret.sops.yaml # from 1Password
          - ./storageclass.yaml
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: ceph-csi
          namespace: storage
        spec:
          path: ./apps/app/app
          targetNamespace: storage
          decryption:
            provider: sops
            secretRef:
              name: flux-age
        """,
            "apps/app/app/externalsecret.yaml"));
    assertTrue(after.findings("infrastructure-secret-in-external-secret").isEmpty());
  }

  @Test
  void keepsTheDependsOnWhileAnotherExternalSecretNeedsIt() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app/app/kustomization.yaml
        resources:
          - ./externalsecret.yaml
          - ./storageclass.yaml
          - ./other.yaml
        #- apps/app/app/other.yaml
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: dashboard
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          data:
            - secretKey: password
              remoteRef: {key: dashboard}
        """);
    Fix fix =
        before.fix(
            before.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    assertEquals(
        "Convert to SOPS Secret secret.sops.yaml (adds spec.decryption to storage/ceph-csi)",
        fix.title());
    Repo after = convert(before, fix, STUB);
    assertTrue(after.file("apps/app/ks.yaml").contains("- name: external-secrets-stores"));
  }

  @Test
  void deletesOnlyItsDocumentInACrlfFileWithFourSpacesAndListsTheStub() {
    Repo before =
        Repo.of(
                STORAGE
                    + """
        #- apps/app/app/kustomization.yaml
        resources: ["./externalsecret.yaml", "./storageclass.yaml"]
        #- apps/app/app/externalsecret.yaml
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: settings
        data:
            mode: fast
        ---
        # the credentials
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
            name: ceph
            namespace: storage
        spec:
            secretStoreRef:
                kind: ClusterSecretStore
                name: onepassword
            target:
                name: ceph-secret
            data:
                -   secretKey: adminKey
                    remoteRef:
                        key: ceph
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: more
        """)
            .crlf("externalsecret.yaml");
    Fix fix =
        before.fix(
            before.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    Repo after = convert(before, fix, STUB);
    after.assertSame(
        before
            .with(
                """
        #- apps/app/app/secret.sops.yaml
        apiVersion: v1
        kind: Secret
        metadata:
            name: ceph-secret
            namespace: storage
        type: Opaque
        stringData:
            adminKey: "REPLACE_ME" # from onepassword key "ceph"
        #- apps/app/app/kustomization.yaml
        resources: ["./externalsecret.yaml", "./secret.sops.yaml", "./storageclass.yaml"]
        #- apps/app/app/externalsecret.yaml
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: settings
        data:
            mode: fast
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: more
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: ceph-csi
          namespace: storage
        spec:
          path: ./apps/app/app
          targetNamespace: storage
          decryption:
            provider: sops
            secretRef:
              name: flux-age
        """)
            .crlf("externalsecret.yaml")
            .crlf("secret.sops.yaml"));
  }

  @Test
  void needsNoResourcesEditWithoutAKustomizationFile() {
    Repo before = Repo.of(STORAGE).with("#- apps/other.yaml\n", "apps/app/app/kustomization.yaml");
    Fix fix =
        before.fix(
            before.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    Repo after = convert(before, fix, STUB);
    assertFalse(after.files().containsKey("apps/app/app/kustomization.yaml"));
    assertFalse(after.files().containsKey("apps/app/app/externalsecret.yaml"));
    assertTrue(after.files().containsKey(STUB));
  }

  @Test
  void namesTheStubAfterTheSopsCreationRules() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- .sops.yaml
        creation_rules:
          - path_regex: apps/.*\\.enc\\.yaml$
            encrypted_regex: ^(data|stringData)$
            age: age1example
        """);
    Fix fix =
        before.fix(
            before.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    assertTrue(fix.title().startsWith("Convert to SOPS Secret secret.enc.yaml"), fix.title());
    Repo after = convert(before, fix, "apps/app/app/secret.enc.yaml");
    assertTrue(
        after
            .file("apps/app/app/kustomization.yaml")
            .contains("- ./secret.enc.yaml # from 1Password"));

    Repo taken =
        before.with(
            "#- apps/app/app/secret.enc.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: taken\n");
    Fix next =
        taken.fix(
            taken.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    assertTrue(next.title().startsWith("Convert to SOPS Secret ceph.enc.yaml"), next.title());
  }

  @Test
  void
      choosesTheExternalSecretsNameWhenSecretSopsYamlExistsAndOnlyDropsTheEntryWhenTheStubIsListed() {
    Repo before =
        Repo.of(
            STORAGE
                + """
        #- apps/app/app/secret.sops.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: not-a-secret
        #- apps/app/app/kustomization.yaml
        resources:
          - ./secret.sops.yaml
          - ./externalsecret.yaml
          - ./ceph.sops.yaml
          - ./storageclass.yaml
        """);
    Fix fix =
        before.fix(
            before.finding(
                "infrastructure-secret-in-external-secret", "apps/app/app/externalsecret.yaml"),
            "Convert");
    assertTrue(fix.title().startsWith("Convert to SOPS Secret ceph.sops.yaml"), fix.title());
    Repo after = before.apply(fix);
    assertEquals(
        """
        resources:
          - ./secret.sops.yaml
          - ./ceph.sops.yaml
          - ./storageclass.yaml
        """,
        after.file("apps/app/app/kustomization.yaml"));
  }

  @Test
  void writesTemplateKeysLabelsAndRuntimeKeyCommentsAndWarnsAboutCreationPolicy() {
    Repo before =
        Repo.of(
            Eso.OPERATOR
                + """
        #- apps/app/ks.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
          namespace: default
        spec:
          path: ./apps/app/app
          decryption:
            provider: sops
        #- apps/app/app/externalsecret.yaml
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: app
          namespace: default
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          target:
            name: app-secret
            creationPolicy: Merge
            template:
              type: kubernetes.io/basic-auth
              metadata:
                labels:
                  app.kubernetes.io/name: app
                annotations:
                  reloader.stakater.com/match: "true"
              data:
                username: admin-CANARY-7f3a9
                password: "{{ .password }}"
              templateFrom:
                - configMap:
                    name: app-template
                    items: [{key: config}]
          data:
            - secretKey: password
              remoteRef: {key: app, property: password}
          dataFrom:
            - extract: {key: app-extra}
            - find:
                path: apps/
                name: {regexp: "^APP_"}
        #- apps/other/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: other
        stringData:
          token: CANARY-7f3a9-value
        """);
    List<Fix> fixes =
        Fixes.refactors(
            before.analysis(), "apps/app/app/externalsecret.yaml", Range.of(3, 0, 3, 0));
    assertEquals(1, fixes.size());
    Fix fix = fixes.get(0);
    assertTrue(fix.refactor());
    assertFalse(fix.preferred());
    assertEquals(
        "Convert to SOPS Secret secret.sops.yaml (creationPolicy Merge: the Secret will now be owned by Flux)",
        fix.title());
    assertFalse(fix.title().contains("CANARY"));
    for (FileChange change : fix.changes()) {
      if (change instanceof FileChange.Create create) {
        assertFalse(create.text().contains("CANARY"), create.text());
        assertEquals(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-secret
              namespace: default
              labels:
                app.kubernetes.io/name: "app"
              annotations:
                reloader.stakater.com/match: "true"
            type: kubernetes.io/basic-auth
            stringData:
              username: "REPLACE_ME" # from the ExternalSecret's template over onepassword key "app" property "password"
              password: "REPLACE_ME" # from the ExternalSecret's template over onepassword key "app" property "password"
              # dataFrom extract of onepassword key "app-extra": its keys cannot be known statically; add them here
              # dataFrom find in onepassword path "apps/" name "^APP_": its keys cannot be known statically; add them here
              # templateFrom ConfigMap app-template: the keys it renders cannot be known statically; add them here
            """,
            create.text());
      } else if (change instanceof FileChange.Edit edit) {
        assertTrue(edit.edits().stream().noneMatch(e -> e.newText().contains("CANARY")));
      }
    }
    Repo after = before.apply(fix);
    assertTrue(after.findings().stream().noneMatch(f -> f.message().contains("CANARY")));
  }

  @Test
  void offersTheRefactorOnlyOnExternalSecrets() {
    Repo before = Repo.of(STORAGE);
    assertTrue(
        Fixes.refactors(before.analysis(), "apps/app/app/storageclass.yaml", Range.of(0, 0, 8, 0))
            .isEmpty());
    assertTrue(
        Fixes.refactors(before.analysis(), "apps/missing.yaml", Range.of(0, 0, 0, 0)).isEmpty());
    List<Fix> fixes =
        Fixes.refactors(
            before.analysis(), "apps/app/app/externalsecret.yaml", Range.of(10, 4, 10, 4));
    assertEquals(1, fixes.size());
    assertTrue(fixes.get(0).title().startsWith("Convert to SOPS Secret"));
  }
}
