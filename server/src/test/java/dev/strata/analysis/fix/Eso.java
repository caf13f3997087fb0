package dev.strata.analysis.fix;

/**
 * A cluster with the External Secrets operator, its store, and an application folder to fill in.
 */
final class Eso {
  static final String OPERATOR =
      FixTesting.ROOT
          + """
          #- apps/kustomization.yaml
          resources: [eso/ks.yaml, app/ks.yaml]
          #- apps/eso/ks.yaml
          ---
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: external-secrets
            namespace: external-secrets
          spec:
            path: ./apps/eso/operator
          ---
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: external-secrets-stores
            namespace: external-secrets
          spec:
            dependsOn:
              - name: external-secrets
            path: ./apps/eso/stores
            decryption:
              provider: sops
              secretRef:
                name: flux-age
          #- apps/eso/operator/helmrelease.yaml
          apiVersion: helm.toolkit.fluxcd.io/v2
          kind: HelmRelease
          metadata:
            name: external-secrets
          spec:
            chartRef: {kind: OCIRepository, name: external-secrets}
          #- apps/eso/stores/clustersecretstore.yaml
          apiVersion: external-secrets.io/v1
          kind: ClusterSecretStore
          metadata:
            name: onepassword
          spec:
            provider:
              onepassword:
                connectHost: http://connect:8080
          #- apps/app/app/kustomization.yaml
          resources:
            - ./externalsecret.yaml
          #- apps/app/app/externalsecret.yaml
          apiVersion: external-secrets.io/v1
          kind: ExternalSecret
          metadata:
            name: app
          spec:
            secretStoreRef:
              kind: ClusterSecretStore
              name: onepassword
            data:
              - secretKey: token
                remoteRef:
                  key: app
                  property: token
          """;

  /**
   * The same cluster where the stores do not wait for the operator, so both go missing separately.
   */
  static final String UNORDERED =
      OPERATOR.replace(
          "  dependsOn:\n    - name: external-secrets\n  path: ./apps/eso/stores",
          "  path: ./apps/eso/stores");

  private Eso() {}
}
