package dev.strata.analysis.rules;

/**
 * Fixture pieces the secret rules' tests share: a bootstrap root with External Secrets and its
 * store, the stores' Kustomization, the store's token in SOPS, and an application whose values come
 * from an ExternalSecret.
 */
final class SecretRuleFixtures {
  private SecretRuleFixtures() {}

  /**
   * A bootstrap root, one Kustomization under it that decrypts, and External Secrets with its
   * store.
   */
  static final String ROOT =
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
        decryption: {provider: sops, secretRef: {name: sops-age}}
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
      #- infra/stores/store.yaml
      apiVersion: external-secrets.io/v1
      kind: ClusterSecretStore
      metadata:
        name: onepassword
      spec:
        provider:
          onepassword:
            connectHost: http://onepassword-connect.external-secrets.svc:8080
            auth:
              secretRef:
                connectTokenSecretRef:
                  name: connect-token
                  namespace: external-secrets
                  key: token
      """;

  static final String STORES =
      """
      #- apps/stores.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: stores
        namespace: flux-system
      spec:
        path: ./infra/stores
        sourceRef: {kind: GitRepository, name: flux-system}
        decryption: {provider: sops, secretRef: {name: sops-age}}
        dependsOn:
          - name: external-secrets
      """;

  static final String TOKEN_IN_SOPS =
      """
      #- infra/stores/token.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: connect-token
        namespace: external-secrets
      stringData:
        token: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        encrypted_regex: ^(data|stringData)$
      """;

  /**
   * An application Kustomization, applied by the root's child, whose HelmRelease reads an
   * ExternalSecret.
   */
  static final String APP_WITH_EXTERNAL_VALUES =
      """
      #- apps/paperless.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: paperless
        namespace: flux-system
      spec:
        path: ./workloads/paperless
        sourceRef: {kind: GitRepository, name: flux-system}
        dependsOn:
          - name: stores
      #- workloads/paperless/helmrelease.yaml
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: paperless
        namespace: default
      spec:
        chart:
          spec:
            chart: paperless
            sourceRef: {kind: HelmRepository, name: charts}
        valuesFrom:
          - kind: Secret
            name: paperless-secret
      #- workloads/paperless/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: paperless
        namespace: default
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
        target:
          name: paperless-secret
      """;
}
