package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsCommandTest {
  static final String CANARY = "CANARY-5b1d";
  static final String CANARY_BASE64 =
      Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
  private static final String ENC_CANARY =
      "ENC[AES256_GCM,data:" + CANARY_BASE64 + ",iv:YWJj,tag:ZGVm,type:str]";

  /**
   * A cluster with canaries wherever a value can hide: plain and base64 {@code data}, {@code
   * stringData}, comments, an ExternalSecret template, a SOPS file's ENC values. Storage reads its
   * credentials from an ExternalSecret while External Secrets keeps its cache on that storage, so
   * bootstrap is blocked.
   */
  static final String CANARY_REPOSITORY =
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
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        sourceRef: {kind: GitRepository, name: flux-system}
      #- apps/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: external-secrets
        namespace: flux-system
      spec:
        path: ./infra/external-secrets
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: external-secrets-stores
        namespace: flux-system
      spec:
        path: ./infra/external-secrets-stores
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
        dependsOn:
          - name: external-secrets
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: ceph-csi
        namespace: flux-system
      spec:
        path: ./infra/ceph-csi
        sourceRef: {kind: GitRepository, name: flux-system}
        dependsOn:
          - name: external-secrets
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: paperless
        namespace: flux-system
      spec:
        path: ./workloads/paperless
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
        dependsOn:
          - name: external-secrets
      #- infra/external-secrets/helmrelease.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: external-secrets
        namespace: external-secrets
      spec:
        chart:
          spec:
            chart: external-secrets
            sourceRef: {kind: HelmRepository, name: external-secrets}
        values:
          extraVolumes:
            - name: cache
              persistentVolumeClaim: {claimName: external-secrets-cache}
      ---
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: HelmRepository
      metadata:
        name: external-secrets
        namespace: external-secrets
      spec:
        url: https://charts.external-secrets.io
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: external-secrets-cache
        namespace: external-secrets
      spec:
        storageClassName: cephfs
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      #- infra/external-secrets-stores/store.yaml
      apiVersion: external-secrets.io/v1
      kind: ClusterSecretStore
      metadata:
        name: onepassword
      spec:
        provider:
          onepassword:
            connectHost: http://onepassword-connect:8080
            auth:
              secretRef:
                connectTokenSecretRef: {name: connect-token, namespace: external-secrets, key: token}
      #- infra/external-secrets-stores/token.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: connect-token
        namespace: external-secrets
      stringData:
        token: ENC_CANARY
      sops:
        mac: ENC_CANARY
        encrypted_regex: ^(data|stringData)$
      #- infra/ceph-csi/storageclass.yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: cephfs
      provisioner: cephfs.csi.ceph.com
      parameters:
        csi.storage.k8s.io/provisioner-secret-name: ceph-secret
        csi.storage.k8s.io/provisioner-secret-namespace: storage
      #- infra/ceph-csi/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: ceph-secret
        namespace: storage
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
        target:
          template:
            data:
              userKey: "CANARY-5b1d-{{ .userKey }}"
      #- workloads/paperless/secret.yaml
      # the admin password is CANARY-5b1d
      apiVersion: v1
      kind: Secret
      metadata:
        name: paperless-admin
        namespace: default
      data:
        password: CANARY_BASE64
        raw: CANARY-5b1d
      stringData:
        PAPERLESS_ADMIN_PASSWORD: CANARY-5b1d # CANARY-5b1d
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: paperless-settings
        namespace: default
      stringData:
        PAPERLESS_URL: https://${DOMAIN}
      """
          .replace("ENC_CANARY", ENC_CANARY)
          .replace("CANARY_BASE64", CANARY_BASE64);

  static Path canaryRepository(Path folder) {
    return TempRepository.write(folder, CANARY_REPOSITORY);
  }

  static void assertNoCanary(CommandLineRun run) {
    for (String text : List.of(run.out(), run.err())) {
      assertFalse(text.contains(CANARY), run.toString());
      assertFalse(text.contains(CANARY_BASE64), run.toString());
      assertFalse(text.contains("CANARY"), run.toString());
    }
  }

  @Test
  void printsOneRowPerSecretWithMechanismLayerConsumersAndVerdict(@TempDir Path folder) {
    CommandLineRun run = CommandLineRun.of("secrets", canaryRepository(folder).toString());
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = run.outLines();
    assertTrue(
        lines.get(0).matches("SECRET\\s+MECHANISM\\s+LAYER\\s+CONSUMERS\\s+VERDICT\\s+FILE"),
        lines.get(0));
    assertEquals(5, lines.size(), run.out());
    assertTrue(
        lines
            .get(1)
            .matches(
                "default/paperless-admin\\s+plaintext\\s+application\\s+-\\s+error \\[unencrypted-secret]\\s+workloads/paperless/secret.yaml:5"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                "default/paperless-settings\\s+template\\s+application\\s+-\\s+ok\\s+workloads/paperless/secret.yaml:16"),
        lines.get(2));
    assertTrue(
        lines
            .get(3)
            .matches(
                "external-secrets/connect-token\\s+SOPS\\s+bootstrap\\s+ClusterSecretStore onepassword \\(store credentials\\)\\s+ok\\s+.*"),
        lines.get(3));
    assertTrue(
        lines
            .get(4)
            .matches(
                "storage/ceph-secret\\s+ExternalSecret \\(onepassword\\)\\s+bootstrap\\s+StorageClass cephfs \\(CSI secret\\)\\s+error \\[bootstrap-deadlock]\\s+infra/ceph-csi/externalsecret.yaml:4"),
        lines.get(4));
    assertNoCanary(run);
  }

  @Test
  void writesJsonInTheShapeOfTheLanguageServerRequest(@TempDir Path folder) {
    CommandLineRun run =
        CommandLineRun.of("secrets", "--format", "json", canaryRepository(folder).toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(1, root.get("version").getAsInt());
    JsonArray secrets = root.getAsJsonArray("secrets");
    Map<String, JsonObject> byName = new TreeMap<>();
    for (JsonElement element : secrets) {
      JsonObject secret = element.getAsJsonObject();
      assertTrue(
          Set.of(
                  "cluster",
                  "namespace",
                  "name",
                  "mechanism",
                  "store",
                  "layer",
                  "consumers",
                  "verdict",
                  "rule",
                  "path",
                  "range")
              .containsAll(secret.keySet()),
          secret.keySet().toString());
      byName.put(
          secret.get("namespace").getAsString() + "/" + secret.get("name").getAsString(), secret);
    }
    JsonObject ceph = byName.get("storage/ceph-secret");
    assertEquals("clusters/home", ceph.get("cluster").getAsString());
    assertEquals("external-secret", ceph.get("mechanism").getAsString());
    assertEquals("onepassword", ceph.get("store").getAsString());
    assertEquals("bootstrap", ceph.get("layer").getAsString());
    assertEquals("error", ceph.get("verdict").getAsString());
    assertEquals("bootstrap-deadlock", ceph.get("rule").getAsString());
    assertEquals("infra/ceph-csi/externalsecret.yaml", ceph.get("path").getAsString());
    assertEquals(3, ceph.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
    assertEquals(
        "StorageClass cephfs (CSI secret)", ceph.getAsJsonArray("consumers").get(0).getAsString());
    JsonObject settings = byName.get("default/paperless-settings");
    assertEquals("template", settings.get("mechanism").getAsString());
    assertEquals("ok", settings.get("verdict").getAsString());
    assertFalse(settings.has("rule"));
    assertFalse(settings.has("store"));
    assertEquals(
        "sops", byName.get("external-secrets/connect-token").get("mechanism").getAsString());
    assertEquals("plaintext", byName.get("default/paperless-admin").get("mechanism").getAsString());
    assertNoCanary(run);
  }

  @Test
  void writesAMarkdownTable(@TempDir Path folder) {
    CommandLineRun run =
        CommandLineRun.of("secrets", "--format", "markdown", canaryRepository(folder).toString());
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = run.outLines();
    assertTrue(
        lines.get(0).startsWith("| SECRET | MECHANISM | LAYER | CONSUMERS | VERDICT | FILE |"),
        lines.get(0));
    assertTrue(
        lines.get(1).startsWith("|--")
            || lines.get(1).startsWith("| --")
            || lines.get(1).startsWith("|:"),
        lines.get(1));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("| storage/ceph-secret |")
                        && l.contains("error [bootstrap-deadlock]")),
        run.out());
    assertNoCanary(run);
  }

  @Test
  void exitsWithTwoOnAFolderThatDoesNotExist(@TempDir Path folder) {
    CommandLineRun run = CommandLineRun.of("secrets", folder.resolve("missing").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no such directory"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void exitsWithTwoOnAnUnknownFormat(@TempDir Path folder) {
    assertEquals(
        2, CommandLineRun.of("secrets", "--format", "sarif", folder.toString()).exitCode());
  }

  @Test
  void labelsTheClusterWhenTheRepositoryHasSeveral(@TempDir Path folder) {
    String second = CANARY_REPOSITORY.replace("clusters/home", "clusters/staging");
    TempRepository.write(folder, CANARY_REPOSITORY);
    TempRepository.write(folder, second.substring(0, second.indexOf("#- infra/")));
    CommandLineRun run = CommandLineRun.of("secrets", folder.toString());
    assertTrue(run.outLines().get(0).startsWith("CLUSTER"), run.out());
    assertTrue(run.out().contains("clusters/staging"), run.out());
    assertNoCanary(run);
  }
}
