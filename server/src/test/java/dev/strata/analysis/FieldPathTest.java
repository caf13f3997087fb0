package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlParser;
import dev.strata.syntax.YamlScalar;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  private static final String ISSUER =
      """
      spec:
        acme:
          solvers:
            - dns01:
                cloudflare:
                  apiTokenSecretRef: {name: cloudflare-token, key: token}
            - dns01:
                route53:
                  accessKeyIDSecretRef: {name: route53-id}
                  secretAccessKeySecretRef: {name: route53-key}
            - http01: {ingress: {class: nginx}}
        ca:
          secretName: root-ca
      """;

  private static List<String> select(String path, String yaml) {
    YamlNode root = YamlParser.parse(yaml).documents().get(0).root().orElseThrow();
    return FieldPath.parse(path).select(root).stream().map(n -> ((YamlScalar) n).value()).toList();
  }

  @Test
  void splitsSequenceMarkersIntoTheirOwnSegment() {
    assertEquals(
        List.of("spec", "solvers", "[]", "dns01"),
        FieldPath.parse("spec.solvers[].dns01").segments());
    assertEquals(List.of("spec", "[]", "name"), FieldPath.parse("spec.[].name").segments());
  }

  @Test
  void followsPlainKeys() {
    assertEquals(List.of("root-ca"), select("spec.ca.secretName", ISSUER));
    assertEquals(List.of(), select("spec.ca.missing", ISSUER));
  }

  @Test
  void matchesKeysBySuffixUnderAnyDepth() {
    assertEquals(
        List.of("cloudflare-token", "route53-id", "route53-key"),
        select("spec.acme.solvers.[].dns01.**.*SecretRef.name", ISSUER));
  }

  @Test
  void starMatchesAnyKey() {
    assertEquals(List.of("root-ca"), select("spec.*.secretName", ISSUER));
  }

  @Test
  void sequenceMarkerSelectsNothingOnAMapping() {
    assertEquals(List.of(), select("spec.ca.[].secretName", ISSUER));
  }

  @Test
  void doubleStarAlsoMatchesZeroLevels() {
    assertEquals(List.of("root-ca"), select("spec.**.ca.secretName", ISSUER));
  }
}
