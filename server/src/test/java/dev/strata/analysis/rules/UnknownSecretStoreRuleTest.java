package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.SecretRuleFixtures.ROOT;
import static dev.strata.analysis.rules.SecretRuleFixtures.STORES;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class UnknownSecretStoreRuleTest {
  private static final String APP =
      ROOT
          + STORES
          + """
          #- apps/app.yaml
          apiVersion: kustomize.toolkit.fluxcd.io/v1
          kind: Kustomization
          metadata:
            name: app
            namespace: flux-system
          spec:
            path: ./workloads/app
            sourceRef: {kind: GitRepository, name: flux-system}
            postBuild:
              substitute:
                VAULT: team-vault
          #- workloads/app/vault.yaml
          apiVersion: external-secrets.io/v1
          kind: SecretStore
          metadata:
            name: team-vault
            namespace: team
          spec:
            provider:
              vault:
                server: https://vault.example.com
          """;

  @Test
  void reportsAMisspelledClusterSecretStoreWithTheKnownNames() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: team
            spec:
              secretStoreRef:
                kind: ClusterSecretStore
                name: onepasword
            #         ^^^^^^^^^^ warning[unknown-secret-store]: ExternalSecret team/app reads from ClusterSecretStore onepasword, but no ClusterSecretStore of that name exists in cluster clusters/home; it never syncs (known: onepassword)
            """,
        "unknown-secret-store");
  }

  @Test
  void reportsASecretStoreThatOnlyExistsInAnotherNamespace() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: default
            spec:
              secretStoreRef:
                name: team-vault
            #         ^^^^^^^^^^ warning[unknown-secret-store]: no SecretStore of that name exists in namespace default
            """,
        "unknown-secret-store");
  }

  @Test
  void resolvesStoresAsTheOperatorDoes() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: team
            spec:
              secretStoreRef:
                kind: SecretStore
                name: team-vault
              data:
                - secretKey: token
                  remoteRef: {key: app}
                  sourceRef:
                    storeRef: {kind: ClusterSecretStore, name: onepassword}
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: substituted
              namespace: team
            spec:
              secretStoreRef:
                name: ${VAULT}
            """,
        "unknown-secret-store");
  }

  @Test
  void reportsAMisspelledStoreInADataEntry() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: team
            spec:
              secretStoreRef: {name: team-vault}
              data:
                - secretKey: token
                  remoteRef: {key: app}
                  sourceRef:
                    storeRef: {kind: ClusterSecretStore, name: 1password}
            #                                                  ^^^^^^^^^ warning[unknown-secret-store]: ClusterSecretStore 1password
            """,
        "unknown-secret-store");
  }

  @Test
  void judgesStoreNamesAfterPostBuildSubstitution() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: default
            spec:
              secretStoreRef:
                name: ${VAULT}
            #         ^^^^^^^^ warning[unknown-secret-store]: reads from SecretStore team-vault, but no SecretStore of that name exists in namespace default
            """,
        "unknown-secret-store");
  }

  @Test
  void ignoresStoreNamesLeftAsVariables() {
    assertFindings(
        APP
            + """
            #- workloads/app/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: app
              namespace: team
            spec:
              secretStoreRef:
                kind: ClusterSecretStore
                name: ${CLUSTER_STORE}
            """,
        "unknown-secret-store");
  }

  @Test
  void checksClusterExternalSecretsOnlyAgainstClusterStores() {
    assertFindings(
        APP
            + """
            #- workloads/app/clusterexternalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ClusterExternalSecret
            metadata:
              name: registry
            spec:
              namespaces: [default, team]
              externalSecretSpec:
                secretStoreRef:
                  kind: ClusterSecretStore
                  name: missing
            #           ^^^^^^^ warning[unknown-secret-store]: ClusterSecretStore missing
            ---
            apiVersion: external-secrets.io/v1
            kind: ClusterExternalSecret
            metadata:
              name: per-namespace
            spec:
              externalSecretSpec:
                secretStoreRef:
                  name: local-store-in-each-namespace
            """,
        "unknown-secret-store");
  }
}
