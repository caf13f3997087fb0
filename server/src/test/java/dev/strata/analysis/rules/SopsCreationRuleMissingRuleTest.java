package dev.strata.analysis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import dev.strata.text.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of this rule are about a whole file and span its first line. */
class SopsCreationRuleMissingRuleTest {
  private static final String ENCRYPTED =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: app
      stringData:
        key: ENC[AES256_GCM,data:Zm9v,iv:YWJj,tag:ZGVm,type:str]
      sops:
        mac: ENC[AES256_GCM,data:bWFj,iv:YWJj,tag:ZGVm,type:str]
        encrypted_regex: ^(data|stringData)$
      """;

  private static final String ROOT_RULES =
      """
      #- .sops.yaml
      creation_rules:
        - path_regex: kubernetes/.*\\.sops\\.ya?ml
          encrypted_regex: ^(data|stringData)$
          age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
      """;

  private static List<String> reported(String fixture) {
    List<Finding> findings = Fixture.of(fixture).findings("sops-creation-rule-missing");
    for (Finding finding : findings) {
      Range range = finding.range();
      assertEquals(Range.of(0, 0, 0, range.end().character()), range, finding.toString());
      assertTrue(range.end().character() > 0, "an empty range is invisible: " + finding);
    }
    return findings.stream().map(f -> f.file() + ": " + f.message()).toList();
  }

  @Test
  void reportsAnEncryptedFileThatNoRuleMatches() {
    List<String> reported =
        reported(
            ROOT_RULES
                + "#- talos/talsecret.sops.yaml\n"
                + ENCRYPTED
                + "#- kubernetes/apps/secret.sops.yaml\n"
                + ENCRYPTED);
    assertEquals(1, reported.size(), reported.toString());
    assertTrue(
        reported
            .get(0)
            .startsWith(
                "talos/talsecret.sops.yaml: no creation_rules entry of .sops.yaml matches talos/talsecret.sops.yaml"),
        reported.get(0));
  }

  @Test
  void reportsAnUnencryptedStubThatNoRuleMatches() {
    List<String> reported = reported(ROOT_RULES + "#- secrets/app.sops.yaml\nkey: value\n");
    assertEquals(
        List.of("secrets/app.sops.yaml"),
        reported.stream().map(r -> r.substring(0, r.indexOf(':'))).toList());
  }

  @Test
  void matchesPathRegexRelativeToTheFolderOfANestedConfiguration() {
    String nested =
        """
        #- kubernetes/.sops.yaml
        creation_rules:
          - path_regex: ^apps/.*\\.sops\\.yaml$
            age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """;
    assertEquals(
        List.of(), reported(nested + "#- kubernetes/apps/db/secret.sops.yaml\n" + ENCRYPTED));
    List<String> reported =
        reported(nested + "#- kubernetes/bootstrap/secret.sops.yaml\n" + ENCRYPTED);
    assertEquals(1, reported.size(), reported.toString());
    assertTrue(
        reported
            .get(0)
            .contains(
                "no creation_rules entry of kubernetes/.sops.yaml matches bootstrap/secret.sops.yaml"),
        reported.get(0));
  }

  @Test
  void doesNotMatchARegexWrittenFromTheRepositoryRootInANestedConfiguration() {
    String nested =
        """
        #- kubernetes/.sops.yaml
        creation_rules:
          - path_regex: ^kubernetes/apps/.*\\.sops\\.yaml$
            age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """;
    assertEquals(
        1, reported(nested + "#- kubernetes/apps/db/secret.sops.yaml\n" + ENCRYPTED).size());
  }

  @Test
  void usesTheNearestConfigurationOnly() {
    String both =
        ROOT_RULES
            + """
            #- talos/.sops.yaml
            creation_rules:
              - path_regex: talsecret\\.sops\\.yaml
                age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """;
    assertEquals(List.of(), reported(both + "#- talos/talsecret.sops.yaml\n" + ENCRYPTED));
  }

  @Test
  void staysSilentWithoutAnySopsConfiguration() {
    assertEquals(List.of(), reported("#- talos/talsecret.sops.yaml\n" + ENCRYPTED));
  }

  @Test
  void ignoresFilesThatAreNotSopsFiles() {
    assertEquals(
        List.of(),
        reported(
            ROOT_RULES
                + "#- talos/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: talos\n"));
  }

  @Test
  void judgesAnEncryptedFileByItsSopsBlockNotItsName() {
    assertEquals(1, reported(ROOT_RULES + "#- secrets/app.yaml\n" + ENCRYPTED).size());
  }

  @Test
  void aRuleWithoutPathRegexMatchesEverything() {
    String catchAll =
        """
        #- .sops.yaml
        creation_rules:
          - age: age1examplepublickeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """;
    assertEquals(List.of(), reported(catchAll + "#- talos/talsecret.sops.yaml\n" + ENCRYPTED));
  }

  @Test
  void readsTheAlternateNameSopsYml() {
    List<String> reported =
        reported(
            ROOT_RULES.replace("#- .sops.yaml", "#- .sops.yml")
                + "#- talos/talsecret.sops.yaml\n"
                + ENCRYPTED);
    assertEquals(1, reported.size(), reported.toString());
    assertTrue(
        reported.get(0).contains("no creation_rules entry of .sops.yml matches"), reported.get(0));
  }
}
