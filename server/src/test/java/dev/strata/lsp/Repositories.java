package dev.strata.lsp;

/** Fixture repositories shared by the protocol tests. */
final class Repositories {
  private Repositories() {}

  /** Two Kustomizations, a and b, in different files, each depending on the other. */
  static final String CYCLE =
      """
      #- kubernetes/flux/cluster/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: cluster-apps
        namespace: flux-system
      spec:
        path: ./kubernetes/apps
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./a/ks.yaml
        - ./b/ks.yaml
        - ./c/ks.yaml
      #- kubernetes/apps/a/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: a
        namespace: flux-system
      spec:
        dependsOn:
          - name: b
        path: ./kubernetes/apps/a/app
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/a/app/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources: []
      #- kubernetes/apps/b/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: b
        namespace: flux-system
      spec:
        dependsOn:
          - name: a
        path: ./kubernetes/apps/b/app
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/b/app/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources: []
      #- kubernetes/apps/c/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: c
        namespace: apps
      spec:
        dependsOn:
          - name: a
            namespace: flux-system
        path: ./kubernetes/apps/c/app
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/c/app/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources: []
      """;

  /**
   * Storage, External Secrets and one application in another namespace, with a store and an
   * ExternalSecret.
   */
  static final String NAVIGATION =
      """
      #- kubernetes/flux/cluster/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: cluster-apps
        namespace: flux-system
      spec:
        path: ./kubernetes/apps
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./storage/ks.yaml
        - ./eso/ks.yaml
        - ./web/ks.yaml
      #- kubernetes/apps/storage/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: storage
        namespace: flux-system
      spec:
        path: ./kubernetes/apps/storage/app
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/storage/app/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./store.yaml
      #- kubernetes/apps/storage/app/store.yaml
      apiVersion: external-secrets.io/v1
      kind: ClusterSecretStore
      metadata:
        name: onepassword
      spec:
        provider:
          onepassword:
            connectHost: http://onepassword-connect:8080
      #- kubernetes/apps/eso/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: eso
        namespace: flux-system
      spec:
        dependsOn:
          - name: storage
        path: ./kubernetes/apps/storage/app
        sourceRef:
          kind: GitRepository
          name: flux-system
      #- kubernetes/apps/web/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: web
        namespace: apps
      spec:
        dependsOn:
          - name: eso
            namespace: flux-system
        path: ./kubernetes/apps/web/app
        sourceRef:
          kind: GitRepository
          name: flux-system
          namespace: flux-system
      #- kubernetes/apps/web/app/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ./externalsecret.yaml
      #- kubernetes/apps/web/app/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: web-secret
      spec:
        secretStoreRef:
          kind: ClusterSecretStore
          name: onepassword
        target:
          name: web
        data:
          - secretKey: token
            remoteRef:
              key: web
      """;
}
