package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.SecretRuleFixtures.ROOT;
import static dev.strata.analysis.rules.SecretRuleFixtures.STORES;
import static dev.strata.analysis.rules.SecretRuleFixtures.TOKEN_IN_SOPS;
import static dev.strata.testing.FixtureAssertions.assertFindings;

import org.junit.jupiter.api.Test;

class ApplicationSecretInSopsRuleTest {
  private static final String ESO =
      """
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

  private static final String APP =
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
        decryption: {provider: sops, secretRef: {name: sops-age}}
      #- workloads/paperless/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: paperless
        namespace: default
      spec:
        template:
          spec:
            containers:
              - name: app
                env:
                  - name: PAPERLESS_SECRET_KEY
                    valueFrom:
                      secretKeyRef:
                        name: paperless
                        key: secret-key
      #- workloads/paperless/secret.sops.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: paperless
      #       ^^^^^^^^^ info[application-secret-in-sops]: Secret default/paperless is SOPS-encrypted but only application workloads use it (Deployment default/paperless (container environment))
        namespace: default
      stringData:
        secret-key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        encrypted_regex: ^(data|stringData)$
      """;

  private static String without(String text) {
    return text.replaceAll("(?m)^#\\s+\\^+ info\\[application-secret-in-sops].*\\n", "");
  }

  @Test
  void suggestsExternalSecretsForASopsSecretOnlyApplicationsUse() {
    assertFindings(ROOT + STORES + TOKEN_IN_SOPS + ESO + APP, "application-secret-in-sops");
  }

  @Test
  void staysSilentWhenExternalSecretsIsNotInstalled() {
    assertFindings(without(ROOT + APP), "application-secret-in-sops");
  }

  @Test
  void staysSilentWhenInfrastructureAlsoUsesTheSecret() {
    assertFindings(
        without(ROOT + STORES + TOKEN_IN_SOPS + ESO + APP)
            + """
            #- workloads/paperless/database.yaml
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: paperless-db
              namespace: default
            spec:
              superuserSecret:
                name: paperless
            """,
        "application-secret-in-sops");
  }

  @Test
  void staysSilentOnSopsSecretsNobodyUses() {
    assertFindings(
        without(ROOT + STORES + TOKEN_IN_SOPS + ESO + APP)
            .replaceAll("name: paperless(\\s+key)", "name: other$1"),
        "application-secret-in-sops");
  }

  @Test
  void staysSilentOnBootstrapSecrets() {
    // The store's token is SOPS and used by the store: it must stay in SOPS.
    assertFindings(ROOT + STORES + TOKEN_IN_SOPS + ESO, "application-secret-in-sops");
  }
}
