package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecretInventoryTest {
  private static final String CANARY = "CANARY-5b1d";

  private static final String EXTRA =
      "#- workloads/paperless/admin.yaml\n"
          + """
          apiVersion: v1
          kind: Secret
          metadata:
            name: paperless-admin
            namespace: default
          stringData:
            password: CANARY-5b1d
          ---
          apiVersion: v1
          kind: Secret
          metadata:
            name: paperless-settings
            namespace: default
          stringData:
            PAPERLESS_URL: https://${DOMAIN}
          """;

  private static Map<String, SecretInventory.Row> rows(String fixture) {
    Analysis analysis = Fixture.of(fixture).analysis();
    List<Finding> findings =
        Analyzer.standard(
                (rule, e) -> {
                  throw e;
                })
            .analyze(analysis);
    return SecretInventory.of(analysis, findings).stream()
        .collect(
            Collectors.toMap(
                SecretInventory.Row::qualifiedName,
                Function.identity(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  @Test
  void listsEverySecretOnceSortedByNamespaceAndName() {
    assertEquals(
        List.of(
            "default/paperless-admin",
            "default/paperless-secret",
            "default/paperless-settings",
            "external-secrets/onepassword-connect-token",
            "storage/ceph-csi-secret"),
        List.copyOf(rows(SecretFixtures.BROKEN + EXTRA).keySet()));
  }

  @Test
  void recordsMechanismStoreLayerAndConsumers() {
    Map<String, SecretInventory.Row> rows = rows(SecretFixtures.LAYERED + EXTRA);
    SecretInventory.Row token = rows.get("external-secrets/onepassword-connect-token");
    assertEquals(SecretSource.Mechanism.SOPS, token.mechanism());
    assertEquals(Layer.BOOTSTRAP, token.layer());
    assertEquals(List.of("ClusterSecretStore onepassword (store credentials)"), token.consumers());
    assertEquals(Optional.empty(), token.verdict());
    assertEquals("infra/onepassword-connect/secret.sops.yaml", token.file());

    SecretInventory.Row paperless = rows.get("default/paperless-secret");
    assertEquals(SecretSource.Mechanism.EXTERNAL_SECRET, paperless.mechanism());
    assertEquals(Optional.of("onepassword"), paperless.store());
    assertEquals(Layer.APPLICATION, paperless.layer());
    assertEquals(List.of("HelmRelease default/paperless (valuesFrom)"), paperless.consumers());

    assertEquals(SecretSource.Mechanism.PLAINTEXT, rows.get("default/paperless-admin").mechanism());
    assertEquals(
        SecretSource.Mechanism.TEMPLATE, rows.get("default/paperless-settings").mechanism());
    assertEquals(List.of(), rows.get("default/paperless-settings").consumers());
  }

  @Test
  void givesEachSecretTheVerdictOfTheSecretRules() {
    Map<String, SecretInventory.Row> rows = rows(SecretFixtures.BROKEN + EXTRA);
    SecretInventory.Row ceph = rows.get("storage/ceph-csi-secret");
    // Its ExternalSecret is applied before External Secrets installs the CRD: the worst finding.
    assertEquals(Optional.of(Severity.ERROR), ceph.verdict());
    assertEquals(Optional.of("custom-resource-before-crd"), ceph.rule());
    assertEquals(Layer.BOOTSTRAP, ceph.layer());
    assertEquals(Optional.of("unencrypted-secret"), rows.get("default/paperless-admin").rule());
    assertEquals(Optional.empty(), rows.get("default/paperless-settings").verdict());
    assertEquals(Optional.empty(), rows.get("default/paperless-secret").verdict());
  }

  @Test
  void takesNoVerdictFromAnotherDocumentOfTheSameFile() {
    // The plaintext Secret and the template share a file; only the first is flagged.
    Map<String, SecretInventory.Row> rows = rows(SecretFixtures.LAYERED + EXTRA);
    assertEquals(Optional.of(Severity.ERROR), rows.get("default/paperless-admin").verdict());
    assertEquals(Optional.empty(), rows.get("default/paperless-settings").rule());
  }

  @Test
  void holdsNoSecretValue() {
    rows(SecretFixtures.BROKEN + EXTRA)
        .values()
        .forEach(row -> assertFalse(row.toString().contains(CANARY), row.toString()));
  }
}
