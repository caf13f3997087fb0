package dev.strata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.CommandLineRun;
import dev.strata.testing.TempRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret value placed everywhere a secret can sit in a repository never reaches any output of
 * check or graph.
 */
class CanaryTest {
  private static final String CANARY = "CANARY-7f3e9a";
  private static final String BASE64 =
      Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
  private static final String BASE64_UNPADDED = BASE64.replace("=", "");

  private static final String REPOSITORY =
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
        dependsOn:
          - name: apps
        postBuild:
          substitute:
            DB_PASSWORD: @CANARY@
      #- apps/secret.yaml
      # the old password was @CANARY@
      apiVersion: v1
      kind: Secret
      metadata:
        name: app-credentials
        namespace: default
      type: Opaque
      data:
        password: @BASE64@
        token: @BASE64_UNPADDED@
      stringData:
        api-key: @CANARY@   # rotate @CANARY@ soon
        url: postgres://admin:@CANARY@@db:5432/app
      #- apps/stub.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: stub
        namespace: default
      stringData:
        password: "@CANARY@"
      #- apps/externalsecret.yaml
      apiVersion: external-secrets.io/v1beta1
      kind: ExternalSecret
      metadata:
        name: app
        namespace: default
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: missing-store}
        target:
          name: app-config
          template:
            data:
              config.json: '{"password": "@CANARY@", "user": "{{ .user }}"}'
        data:
          - secretKey: user
            remoteRef: {key: app}
      #- apps/generated/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: default
      resources:
        - ./missing.yaml
      secretGenerator:
        - name: generated
          literals:
            - password=@CANARY@
            - token=@BASE64@
      #- apps/kustomization.yaml
      resources: [secret.yaml, stub.sops.yaml, externalsecret.yaml, ./generated, broken.yaml, dup.yaml]
      #- apps/broken.yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: broken, namespace: default}
      stringData:
        password: @CANARY@: [
      #- apps/dup.yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: dup, namespace: default}
      stringData:
        password: @CANARY@
        password: @CANARY@-again
      """
          .replace("@BASE64_UNPADDED@", BASE64_UNPADDED)
          .replace("@BASE64@", BASE64)
          .replace("@CANARY@", CANARY);

  @TempDir Path dir;

  @BeforeEach
  void write() {
    TempRepository.write(dir, REPOSITORY);
  }

  private static void assertClean(CommandLineRun run) {
    for (String secret : List.of(CANARY, BASE64, BASE64_UNPADDED, "7f3e9a")) {
      assertFalse(run.out().contains(secret), "stdout holds " + secret + ":\n" + run.out());
      assertFalse(run.err().contains(secret), "stderr holds " + secret + ":\n" + run.err());
    }
  }

  @Test
  void keepsTheCanaryOutOfEveryCheckFormat() {
    for (String format : List.of("text", "json", "sarif")) {
      CommandLineRun run =
          CommandLineRun.of("check", dir.toString(), "--format", format, "--fail-on", "info");
      assertTrue(
          run.exitCode() == 1, "the fixture must produce findings in " + format + ":\n" + run);
      assertClean(run);
    }
  }

  @Test
  void reportsFindingsOnTheFilesThatHoldTheCanary() {
    String out = CommandLineRun.of("check", dir.toString()).out();
    for (String file : List.of("apps/broken.yaml", "apps/dup.yaml", "apps/secret.yaml")) {
      assertTrue(
          out.contains(file + ":"),
          "no finding on " + file + ", so the test proves little:\n" + out);
    }
  }

  @Test
  void keepsTheCanaryOutOfEveryGraphFormat() {
    for (String format : List.of("mermaid", "dot", "json")) {
      CommandLineRun run = CommandLineRun.of("graph", dir.toString(), "--format", format);
      assertTrue(run.exitCode() == 0, run.toString());
      assertTrue(run.out().contains("flux-system/apps"), run.out());
      assertClean(run);
    }
  }
}
