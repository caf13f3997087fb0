package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.Fixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a repository's bootstrap creates before Flux runs, read from the files that do it. */
class SeedsTest {
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

  private static Seeds seeds(String fixture) {
    return Fixture.of(ROOT + fixture).snapshot().render().seeds();
  }

  private static ObjectId secret(String namespace, String name) {
    return new ObjectId("Secret", namespace, name);
  }

  @Test
  void readsTheReleasesOfABootstrapHelmfile() {
    Seeds seeds =
        seeds(
            """
            #- bootstrap/helmfile.d/01-apps.yaml
            releases:
              - name: cilium
                namespace: kube-system
                chart: oci://ghcr.io/home-operations/charts-mirror/cilium
              - name: certs
                chart: jetstack/cert-manager
            """);
    assertEquals("bootstrap/helmfile.d/01-apps.yaml", seeds.chart("cilium").orElseThrow().file());
    assertTrue(seeds.chart("cert-manager").isPresent());
    assertTrue(seeds.chart("certs").isPresent());
    assertEquals(Optional.empty(), seeds.chart("external-secrets"));
  }

  @Test
  void readsTheManifestsOfABootstrapFolderThatNoClusterApplies() {
    Seeds seeds =
        seeds(
            """
            #- bootstrap/resources.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: sops-age
              namespace: flux-system
            """);
    assertEquals(
        "bootstrap/resources.yaml",
        seeds.object(secret("flux-system", "sops-age")).orElseThrow().file());
  }

  @Test
  void readsTemplatesThatOpInjectFills() {
    Seeds seeds =
        seeds(
            """
            #- templates/connect.yaml.j2
            apiVersion: v1
            kind: Secret
            metadata:
              name: onepassword-connect-token
              namespace: external-secrets
            stringData:
              token: "{{ op://kubernetes/connect/token }}"
            """);
    assertTrue(seeds.object(secret("external-secrets", "onepassword-connect-token")).isPresent());
  }

  @Test
  void followsKubectlApplyAndSopsInScripts() {
    Seeds seeds =
        seeds(
            """
            #- scripts/bootstrap.sh
            #!/usr/bin/env bash
            kubectl apply --server-side -f ./kubernetes/bootstrap-secrets/age.yaml
            sops --decrypt --input-type yaml kubernetes/flux/vars/cluster-secrets.sops.yaml | kubectl apply -f -
            kubectl create secret generic -n cert-manager cloudflare --from-literal=token=x
            #- kubernetes/bootstrap-secrets/age.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: sops-age
              namespace: flux-system
            #- kubernetes/flux/vars/cluster-secrets.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-secrets
              namespace: flux-system
            """);
    assertTrue(seeds.object(secret("flux-system", "sops-age")).isPresent());
    assertTrue(seeds.object(secret("flux-system", "cluster-secrets")).isPresent());
    assertTrue(seeds.object(secret("cert-manager", "cloudflare")).isPresent());
  }

  @Test
  void readsTalosInlineManifests() {
    Seeds seeds =
        seeds(
            """
            #- talos/patches/controller.yaml
            cluster:
              inlineManifests:
                - name: cilium
                  contents: |
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: cilium-secrets
            """);
    assertTrue(seeds.object(new ObjectId("Namespace", "", "cilium-secrets")).isPresent());
  }

  @Test
  void takesWhatTheConfigurationDeclares() {
    Seeds seeds =
        seeds(
            """
            #- .strata.yaml
            bootstrap:
              charts: [External-Secrets]
              objects: [Secret/external-secrets/connect-token, ConfigMap/cluster-settings]
            """);
    assertTrue(seeds.chart("external-secrets").isPresent());
    assertTrue(seeds.object(secret("external-secrets", "connect-token")).isPresent());
    assertTrue(
        seeds.object(new ObjectId("ConfigMap", "flux-system", "cluster-settings")).isPresent());
  }

  @Test
  void staysWithinTheStackOnALongScript() {
    // A kubectl create secret followed by thousands of words once overflowed the regex stack.
    StringBuilder script =
        new StringBuilder("#- justfile\nkubectl create secret generic token -n default");
    for (int i = 0; i < 20_000; i++) {
      script.append(i % 10 == 0 ? "\n" : " ").append("word").append(i);
    }
    script.append("\nsops -d");
    for (int i = 0; i < 5_000; i++) {
      script.append(" --flag").append(i).append(" value");
    }
    script.append(" secret.yaml\n");
    Seeds seeds = seeds(script.toString());
    assertTrue(seeds.object(secret("default", "token")).isPresent());
  }
}
