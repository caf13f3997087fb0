package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.SecretRuleFixtures.APP_WITH_EXTERNAL_VALUES;
import static dev.strata.analysis.rules.SecretRuleFixtures.ROOT;
import static dev.strata.analysis.rules.SecretRuleFixtures.STORES;
import static dev.strata.analysis.rules.SecretRuleFixtures.TOKEN_IN_SOPS;
import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfrastructureSecretInExternalSecretRuleTest {
  /**
   * External Secrets with its store, nothing depending on anything: no bootstrap deadlock to hide
   * behind.
   */
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

  private static String kustomization(String name, String path) {
    return """
        #- apps/%s.yaml
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: %s
          namespace: flux-system
        spec:
          path: %s
          sourceRef: {kind: GitRepository, name: flux-system}
          dependsOn:
            - name: stores
        """
        .formatted(name, name, path);
  }

  @Test
  void staysSilentOnTheDnsSolverTokenOfAnAcmeIssuer() {
    // The strategy keeps Cloudflare API keys in External Secrets: they are application secrets.
    String fixture =
        ESO
            + kustomization("cert-manager", "./infra/cert-manager")
            + """
            #- infra/cert-manager/clusterissuer.yaml
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: letsencrypt
            spec:
              acme:
                server: https://acme-v02.api.letsencrypt.org/directory
                privateKeySecretRef: {name: letsencrypt-account}
                solvers:
                  - dns01:
                      cloudflare:
                        apiTokenSecretRef: {name: cloudflare-token, key: api-token}
            #- infra/cert-manager/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: cloudflare-token
              namespace: cert-manager
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """;
    assertFindings(fixture, "infrastructure-secret-in-external-secret", "bootstrap-deadlock");
    assertEquals(
        List.of(),
        Fixture.of(fixture).findings().stream()
            .filter(f -> f.severity().compareTo(Severity.WARNING) <= 0)
            .filter(f -> f.file().startsWith("infra/cert-manager/"))
            .toList());
  }

  @Test
  void reportsTheCaKeyOfAClusterIssuer() {
    assertFindings(
        ESO
            + kustomization("cert-manager", "./infra/cert-manager")
            + """
            #- infra/cert-manager/clusterissuer.yaml
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: ca-issuer
            spec:
              ca:
                secretName: root-ca
            #- infra/cert-manager/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: root-ca
            #       ^^^^^^^ warning[infrastructure-secret-in-external-secret]: Secret cert-manager/root-ca, which this ExternalSecret produces, is infrastructure: ClusterIssuer ca-issuer (CA key of the issuer) needs it
              namespace: cert-manager
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void reportsTheSuperuserSecretOfACloudNativePgCluster() {
    assertFindings(
        ESO
            + kustomization("postgres", "./infra/postgres")
            + """
            #- infra/postgres/cluster.yaml
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: postgres
              namespace: database
            spec:
              superuserSecret:
                name: postgres-superuser
            #- infra/postgres/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: postgres
              namespace: database
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
              target:
                name: postgres-superuser
            #         ^^^^^^^^^^^^^^^^^^ warning[infrastructure-secret-in-external-secret]: Cluster database/postgres (database superuser) needs it
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void staysSilentWhenTheSecretSitsInAnotherNamespaceThanTheConsumerReads() {
    assertFindings(
        ESO
            + kustomization("postgres", "./infra/postgres")
            + """
            #- infra/postgres/cluster.yaml
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: postgres
              namespace: database
            spec:
              superuserSecret:
                name: postgres-superuser
            #- infra/postgres/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: postgres-superuser
              namespace: default
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void reportsExternalSecretsInANamespaceConfiguredAsInfrastructure() {
    assertFindings(
        ESO
            + kustomization("monitoring", "./infra/monitoring")
            + """
            #- .strata.yaml
            layers:
              infrastructure:
                namespaces: [monitoring]
            #- infra/monitoring/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: grafana-admin
            #       ^^^^^^^^^^^^^ warning[infrastructure-secret-in-external-secret]: sits in an infrastructure layer named in .strata.yaml
              namespace: monitoring
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void reportsExternalSecretsUnderAConfiguredInfrastructurePath() {
    assertFindings(
        ESO
            + kustomization("monitoring", "./infra/monitoring")
            + """
            #- .strata.yaml
            layers:
              infrastructure:
                paths: ["infra/**"]
            #- infra/monitoring/externalsecret.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: grafana-admin
            #       ^^^^^^^^^^^^^ warning[infrastructure-secret-in-external-secret]: sits in an infrastructure layer named in .strata.yaml
              namespace: monitoring
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void staysSilentOnApplicationSecrets() {
    assertFindings(ESO + APP_WITH_EXTERNAL_VALUES, "infrastructure-secret-in-external-secret");
  }

  @Test
  void warnsOnStoreCredentialsThatAnotherStoreDelivers() {
    // No cycle: 1Password serves the Vault token. With 1Password down, Vault is down too.
    assertFindings(
        ESO
            + """
            #- infra/stores/token.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: backup-token
            #       ^^^^^^^^^^^^ warning[infrastructure-secret-in-external-secret]: SecretStore external-secrets/vault (store credentials) needs it
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
            #- infra/stores/vault.yaml
            apiVersion: external-secrets.io/v1
            kind: SecretStore
            metadata:
              name: vault
              namespace: external-secrets
            spec:
              provider:
                vault:
                  auth:
                    tokenSecretRef:
                      name: backup-token
                      key: token
            """,
        "infrastructure-secret-in-external-secret");
  }

  @Test
  void leavesBootstrapDeadlocksToTheirOwnRule() {
    assertFindings(
        ESO
            + """
            #- infra/stores/token.yaml
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: backup-token
              namespace: external-secrets
            spec:
              secretStoreRef: {kind: SecretStore, name: vault}
            #- infra/stores/vault.yaml
            apiVersion: external-secrets.io/v1
            kind: SecretStore
            metadata:
              name: vault
              namespace: external-secrets
            spec:
              provider:
                vault:
                  auth:
                    tokenSecretRef:
                      name: backup-token
                      key: token
            """,
        "infrastructure-secret-in-external-secret");
  }
}
