package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.SecretRuleFixtures.ROOT;
import static dev.strata.analysis.rules.SecretRuleFixtures.STORES;
import static dev.strata.analysis.rules.SecretRuleFixtures.TOKEN_IN_SOPS;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class MissingDependencyRuleTest {
  private static final String ESO =
      ROOT
          + STORES
          + TOKEN_IN_SOPS
          + """
          #- apps/external-secrets.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: external-secrets
            namespace: flux-system
          spec:
            path: ./infra/external-secrets
            sourceRef: {kind: GitRepository, name: flux-system}
          """;

  private static final String EXTERNAL_SECRET =
      """
      #- workloads/app/externalsecret.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: app
        namespace: default
      spec:
        secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
      """;

  private static String app(String dependsOn) {
    return """
        #- apps/app.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: app
        #       ^^^ info[missing-dependency]: %s
          namespace: flux-system
        spec:
          path: ./workloads/app
          sourceRef: {kind: GitRepository, name: flux-system}
        """
            .formatted("MESSAGE")
        + dependsOn;
  }

  @Test
  void reportsAnExternalSecretWithoutDependsOnItsStoreOnceSinceTheStoreCoversTheOperator() {
    // stores depends on external-secrets, so one dependsOn on stores orders both: one finding, not
    // two.
    String app =
        app("")
            .replace(
                "MESSAGE",
                "applies ExternalSecret app, which needs ClusterSecretStore onepassword from Kustomization flux-system/stores, but has no dependsOn path to it");
    assertFindings(ESO + app + EXTERNAL_SECRET, "missing-dependency");
  }

  @Test
  void reportsTheOperatorWhenTheStoreIsAlreadyOrdered() {
    String storesFirst =
        STORES
            .replace("  dependsOn:\n    - name: external-secrets\n", "")
            .replace(
                "  name: stores\n",
                "  name: stores\n#       ^^^^^^ info[missing-dependency]: applies ClusterSecretStore onepassword, which needs the CRDs of external-secrets.io\n");
    String app =
        app("  dependsOn:\n    - name: stores\n")
            .replace(
                "MESSAGE",
                "applies ExternalSecret app, which needs the CRDs of external-secrets.io from Kustomization flux-system/external-secrets");
    assertFindings(ESO.replace(STORES, storesFirst) + app + EXTERNAL_SECRET, "missing-dependency");
  }

  @Test
  void staysSilentWhenADependsOnPathReachesTheStoreAndTheOperator() {
    String app =
        app("  dependsOn:\n    - name: stores\n")
            .replace("#       ^^^ info[missing-dependency]: MESSAGE\n", "");
    assertFindings(ESO + app + EXTERNAL_SECRET, "missing-dependency");
  }

  private static final String STORAGE =
      """
      #- apps/ceph-csi.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: ceph-csi
        namespace: flux-system
      spec:
        path: ./infra/ceph-csi
        sourceRef: {kind: GitRepository, name: flux-system}
      #- infra/ceph-csi/storageclass.yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: cephfs
      provisioner: cephfs.csi.ceph.com
      """;

  private static final String PVC =
      """
      #- workloads/app/pvc.yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
        namespace: default
      spec:
        storageClassName: cephfs
      """;

  @Test
  void reportsAPersistentVolumeClaimWhoseStorageClassComesFromAnotherKustomization() {
    String app =
        app("")
            .replace(
                "MESSAGE",
                "applies PersistentVolumeClaim data, which needs StorageClass cephfs from Kustomization flux-system/ceph-csi");
    assertFindings(ROOT + STORAGE + app + PVC, "missing-dependency");
  }

  @Test
  void staysSilentWhenTheStorageClassIsReachedThroughAnotherDependency() {
    String app =
        app("  dependsOn:\n    - name: database\n")
            .replace("#       ^^^ info[missing-dependency]: MESSAGE\n", "");
    String database =
        """
        #- apps/database.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: database
          namespace: flux-system
        spec:
          path: ./infra/database
          sourceRef: {kind: GitRepository, name: flux-system}
          dependsOn:
            - name: ceph-csi
        """;
    assertFindings(ROOT + STORAGE + database + app + PVC, "missing-dependency");
  }

  @Test
  void staysSilentWhenAnAncestorAppliesTheStorageClass() {
    // platform applies both the StorageClass and the app Kustomization: the app cannot exist before
    // it.
    assertFindings(
        ROOT
            + """
            #- apps/platform.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: platform
              namespace: flux-system
            spec:
              path: ./platform
              sourceRef: {kind: GitRepository, name: flux-system}
            #- platform/storageclass.yaml
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: cephfs
            provisioner: cephfs.csi.ceph.com
            #- platform/app.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: app
              namespace: flux-system
            spec:
              path: ./workloads/app
              sourceRef: {kind: GitRepository, name: flux-system}
            """
            + PVC,
        "missing-dependency");
  }

  @Test
  void reportsCustomResourcesWhoseCrdsAChartInstalls() {
    String app =
        app("")
            .replace(
                "MESSAGE",
                "applies ClusterIssuer letsencrypt, which needs the CRDs of cert-manager.io from Kustomization flux-system/cert-manager");
    assertFindings(
        ROOT
            + app
            + """
            #- apps/cert-manager.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: cert-manager
              namespace: flux-system
            spec:
              path: ./infra/cert-manager
              sourceRef: {kind: GitRepository, name: flux-system}
            #- infra/cert-manager/helmrelease.yaml
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cert-manager
              namespace: cert-manager
            spec:
              chart:
                spec:
                  chart: cert-manager
                  sourceRef: {kind: HelmRepository, name: jetstack}
            #- workloads/app/clusterissuer.yaml
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: letsencrypt
            spec:
              selfSigned: {}
            """,
        "missing-dependency");
  }

  @Test
  void reportsCustomResourcesWhoseCrdsACustomResourceDefinitionInstalls() {
    String app =
        app("")
            .replace(
                "MESSAGE", "needs the CRDs of example.com from Kustomization flux-system/crds");
    assertFindings(
        ROOT
            + app
            + """
            #- apps/crds.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: crds
              namespace: flux-system
            spec:
              path: ./infra/crds
              sourceRef: {kind: GitRepository, name: flux-system}
            #- infra/crds/widget.yaml
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
            #- workloads/app/widget.yaml
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: gadget
              namespace: default
            """,
        "missing-dependency");
  }

  @Test
  void reportsAKustomizationsOwnSubstituteFromOnItselfNotOnItsParent() {
    // Regression: the need was filed under the root that applies apps, and reported on
    // gotk-sync.yaml.
    assertFindings(
        ROOT.replace(
                    "  decryption: {provider: sops, secretRef: {name: sops-age}}\n",
                    "  decryption: {provider: sops, secretRef: {name: sops-age}}\n  postBuild:\n    substituteFrom:\n      - kind: Secret\n        name: cluster-secrets\n")
                .replace(
                    "  name: apps\n",
                    "  name: apps\n#       ^^^^ info[missing-dependency]: Kustomization flux-system/apps needs Secret flux-system/cluster-secrets from Kustomization flux-system/settings\n")
            + """
            #- clusters/home/settings.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: settings
              namespace: flux-system
            spec:
              path: ./settings
              sourceRef: {kind: GitRepository, name: flux-system}
            #- settings/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-secrets
              namespace: flux-system
            stringData:
              DOMAIN: ${DOMAIN}
            """,
        "missing-dependency");
  }

  @Test
  void neverAsksAKustomizationToDependOnWhatItAppliesItself() {
    // apps substitutes from a Secret that a Kustomization under apps produces: dependsOn cannot
    // order that.
    assertFindings(
        ROOT.replace(
                "  decryption: {provider: sops, secretRef: {name: sops-age}}\n",
                "  decryption: {provider: sops, secretRef: {name: sops-age}}\n  postBuild:\n    substituteFrom:\n      - kind: Secret\n        name: cluster-secrets\n")
            + """
            #- apps/settings.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: settings
              namespace: flux-system
            spec:
              path: ./settings
              sourceRef: {kind: GitRepository, name: flux-system}
            #- settings/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-secrets
              namespace: flux-system
            stringData:
              DOMAIN: ${DOMAIN}
            """,
        "missing-dependency");
  }

  @Test
  void staysSilentOnBuiltInKinds() {
    assertFindings(
        ROOT
            + app("").replace("#       ^^^ info[missing-dependency]: MESSAGE\n", "")
            + """
            #- workloads/app/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: default
            """,
        "missing-dependency");
  }
}
