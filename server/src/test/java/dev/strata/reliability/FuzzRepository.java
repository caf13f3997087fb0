package dev.strata.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small healthy cluster the whole-snapshot and language-server fuzz targets put their input
 * into, and the decoding of an input into files: lines {@code #- path} start a file, as in rule
 * fixtures; text before the first such line, or an input without one, is {@link #FUZZED}. So a
 * plain YAML file from {@code examples/} or the corpora is a seed as it is.
 */
final class FuzzRepository {
  static final String FUZZED = "apps/app/fuzzed.yaml";
  private static final Pattern SAFE_PATH =
      Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){0,4}");
  private static final int MAX_FILES = 6;

  private FuzzRepository() {}

  static Map<String, String> base() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "clusters/prod/flux-system/gotk-sync.yaml",
        kustomization("flux-system", "./clusters/prod", "", false));
    files.put("clusters/prod/infra.yaml", kustomization("infra", "./infra", "", false));
    files.put("clusters/prod/apps.yaml", kustomization("apps", "./apps", "infra", true));
    files.put(
        ".sops.yaml",
        """
        creation_rules:
          - path_regex: .*\\.sops\\.ya?ml
            encrypted_regex: ^(data|stringData)$
            age: age1example
        """);
    files.put("infra/kustomization.yaml", "resources:\n  - ./eso.yaml\n  - ./store.yaml\n");
    files.put(
        "infra/eso.yaml",
        """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: external-secrets
          namespace: external-secrets
        spec:
          interval: 1h
          chart:
            spec:
              chart: external-secrets
              sourceRef:
                kind: HelmRepository
                name: external-secrets
        """);
    files.put(
        "infra/store.yaml",
        """
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          name: vault
        spec:
          provider:
            vault:
              server: https://vault.example
              auth:
                tokenSecretRef:
                  name: vault-token
                  key: token
                  namespace: external-secrets
        """);
    files.put(
        "apps/kustomization.yaml",
        "namespace: apps\nresources:\n  - ./app/fuzzed.yaml\n  - ./app/secret.sops.yaml\n");
    files.put(
        "apps/app/secret.sops.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: app
        stringData:
          password: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]
        sops:
          mac: ENC[AES256_GCM,data:abc,type:str]
          encrypted_regex: ^(data|stringData)$
        """);
    return files;
  }

  private static String kustomization(
      String name, String path, String dependsOn, boolean decryption) {
    return """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: %s
          namespace: flux-system
        spec:
          interval: 10m
          path: %s
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        %s%s"""
        .formatted(
            name,
            path,
            dependsOn.isEmpty() ? "" : "  dependsOn:\n    - name: " + dependsOn + "\n",
            decryption ? "  decryption:\n    provider: sops\n" : "");
  }

  /**
   * The files an input stands for, as bytes (so that invalid UTF-8 reaches the loader); paths that
   * could leave the root fall back to {@link #FUZZED}.
   */
  static Map<String, byte[]> files(byte[] input) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String path = FUZZED;
    int start = 0;
    int line = 0;
    while (line <= input.length) {
      int end = line;
      while (end < input.length && input[end] != '\n') {
        end++;
      }
      if (startsFile(input, line, end) && files.size() < MAX_FILES - 1) {
        files.merge(path, Arrays.copyOfRange(input, start, line), FuzzRepository::concat);
        String named = new String(input, line + 3, end - line - 3, StandardCharsets.UTF_8).strip();
        path = SAFE_PATH.matcher(named).matches() && !named.contains("..") ? named : FUZZED;
        start = Math.min(end + 1, input.length);
      }
      line = end + 1;
    }
    files.merge(path, Arrays.copyOfRange(input, start, input.length), FuzzRepository::concat);
    return files;
  }

  private static boolean startsFile(byte[] input, int line, int end) {
    return end - line > 3 && input[line] == '#' && input[line + 1] == '-' && input[line + 2] == ' ';
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
