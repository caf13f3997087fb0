package dev.strata.reliability;

/** The files of {@link CanaryTest}: a small cluster whose secrets hold the canaries everywhere. */
final class CanaryRepository {
  private CanaryRepository() {}

  static final String FLUX_SYSTEM =
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: flux-system
        namespace: flux-system
      spec:
        interval: 10m
        path: ./clusters/prod
        prune: true
        sourceRef:
          kind: GitRepository
          name: flux-system
      """;

  static final String APPS_KUSTOMIZATION =
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 10m
        path: ./apps
        prune: true
        targetNamespace: apps
        sourceRef:
          kind: GitRepository
          name: flux-system
      """;

  static final String STORE =
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
                namespace: apps
      """;

  static String secret() {
    return """
        # old password was %s
        apiVersion: v1
        kind: Secret
        metadata:
          name: app-credentials
          annotations:
            note: "rotated" # %s
        type: Opaque
        data:
          plain: %s
          encoded: %s
          token: %s
        stringData:
          password: %s
          multi: |
            first line
            %s
        """
        .formatted(
            CanaryTest.COMMENT,
            CanaryTest.COMMENT,
            CanaryTest.DATA_PLAIN,
            CanaryTest.DATA_BASE64,
            CanaryTest.DATA_BASE64,
            CanaryTest.STRING_DATA,
            CanaryTest.STRING_DATA);
  }

  static String externalSecret() {
    return """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: app
        spec:
          secretStoreRef:
            kind: ClusterSecretStore
            name: vault
          target:
            name: app-config
            template:
              data:
                url: "postgres://user:%s@db/app"
                config.yaml: |
                  password: %s
          data:
            - secretKey: password
              remoteRef:
                key: app
                property: password
        """
        .formatted(CanaryTest.TEMPLATE, CanaryTest.TEMPLATE);
  }

  static String helmRelease() {
    return """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: app
        spec:
          interval: 1h
          chart:
            spec:
              chart: app
              sourceRef:
                kind: HelmRepository
                name: charts
          values:
            auth:
              password: %s
          valuesFrom:
            - kind: Secret
              name: app-config
        """
        .formatted(CanaryTest.HELM_VALUE);
  }

  /**
   * A Secret whose values sit right where the YAML breaks, so that error messages are near them.
   */
  static String broken() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: broken
        stringData:
          password: %s: %s
          other: [%s, {a: %s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: tabbed
        stringData:
        \tpassword: %s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: duplicated
        stringData:
          password: %s
          password: %s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: control
        stringData:
          password: "%s\u0007"
        """
        .formatted(
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN,
            CanaryTest.BROKEN);
  }

  static String sopsSecret() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: app-sops
        stringData:
          password: ENC[AES256_GCM,data:%s,iv:abc=,tag:def=,type:str]
        sops:
          age:
            - recipient: age1example
              enc: |
                -----BEGIN AGE ENCRYPTED FILE-----
                %s
                -----END AGE ENCRYPTED FILE-----
          mac: ENC[AES256_GCM,data:%s,type:str]
          encrypted_regex: ^(data|stringData)$
          version: 3.9.0
        """
        .formatted(CanaryTest.SOPS_VALUE, CanaryTest.SOPS_VALUE, CanaryTest.SOPS_VALUE);
  }
}
