package dev.strata.lsp;

/** Fixture repositories shared by the protocol tests. */
final class Repositories {
  private Repositories() {}

  /** Two Kustomizations, a and b, in different files, each depending on the other. */
  static final String CYCLE = """
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
}
