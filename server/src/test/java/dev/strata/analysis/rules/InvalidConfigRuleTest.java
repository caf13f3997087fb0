package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidConfigRuleTest {
  private static final String RULE = "invalid-config";
  private static final String CYCLE =
      """
      #- clusters/home/ks.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: loner
        namespace: flux-system
      spec:
        path: ./none
        dependsOn:
          - name: loner
          - name: ghost
      """;

  @Test
  void reportsABadSeverityAndAnUnknownSettingAtTheirPositions() {
    List<Finding> findings =
        Fixture.of(
                CYCLE
                    + """
                    #- .strata.yaml
                    rules:
                      unknown-dependency: loud
                    colour: blue
                    maxFileSize: lots
                    """)
            .findings(RULE);
    assertEquals(
        List.of(
            ".strata.yaml:1:22-1:26 severity of unknown-dependency must be error, warning, info, hint or off",
            ".strata.yaml:2:0-2:6 unknown setting \"colour\"; expected one of [bootstrap, ignore, layers, maxFileSize, roots, rules, sources]",
            ".strata.yaml:3:13-3:17 maxFileSize must be a positive number of bytes"),
        findings.stream().map(f -> f.file() + ":" + f.range() + " " + f.message()).toList());
  }

  @Test
  void keepsTheValidPartsAndDefaultsWhereTheConfigurationIsWrong() {
    Fixture fixture =
        Fixture.of(
            CYCLE
                + """
                #- .strata.yaml
                rules:
                  dependency-cycle: off
                  unknown-dependency: loud
                roots: ./clusters/home
                """);
    List<Finding> findings = fixture.findings("invalid-config");
    assertEquals(2, findings.size(), findings.toString());
    assertTrue(
        findings.get(1).message().contains("roots must be a list of strings"),
        findings.get(1).message());
    assertEquals(List.of(), fixture.findings("dependency-cycle"));
    List<Finding> unknown = fixture.findings("unknown-dependency");
    assertEquals(1, unknown.size());
    assertEquals(dev.strata.model.Severity.WARNING, unknown.get(0).severity());
  }

  @Test
  void reportsAConfigurationThatIsNotAMapping() {
    Fixture fixture =
        Fixture.of(
            CYCLE
                + """
                #- .strata.yaml
                - rules
                """);
    List<Finding> findings = fixture.findings(RULE);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(".strata.yaml must be a mapping", findings.get(0).message());
    assertEquals(dev.strata.text.Range.of(0, 0, 0, 7), findings.get(0).range());
    assertEquals(1, fixture.findings("dependency-cycle").size());
  }

  @Test
  void reportsAnUnknownRuleId() {
    assertFindings(
        CYCLE
            + """
            #- .strata.yaml
            rules:
              dependency-cycles: off
            # ^^^^^^^^^^^^^^^^^ error[invalid-config]: unknown rule "dependency-cycles"
              missing-path: warning
            """,
        RULE);
  }

  @Test
  void reportsAnInvalidSopsPathRegex() {
    assertFindings(
        """
        #- .sops.yaml
        creation_rules:
          - path_regex: kubernetes/.*\\.sops\\.ya?ml
            age: age1abc
          - path_regex: talos/(unclosed
        #               ^^^^^^^^^^^^^^^ error[invalid-config]: path_regex is not a valid regular expression
            age: age1abc
        """,
        RULE);
  }

  @Test
  void staysSilentOnAValidConfiguration() {
    assertFindings(
        CYCLE
            + """
            #- .strata.yaml
            rules:
              dependency-cycle: warning
              unknown-dependency: off
            roots:
              - clusters/home
            ignore:
              - archive/**
            maxFileSize: 1048576
            #- .sops.yaml
            creation_rules:
              - path_regex: .*\\.sops\\.ya?ml
                encrypted_regex: ^(data|stringData)$
            """,
        RULE);
  }

  @Test
  void appliesAConfiguredSeverityToFindings() {
    List<Finding> findings =
        Fixture.of(
                CYCLE
                    + """
                    #- .strata.yaml
                    rules:
                      dependency-cycle: info
                    """)
            .findings("dependency-cycle");
    assertEquals(1, findings.size());
    assertEquals(dev.strata.model.Severity.INFO, findings.get(0).severity());
  }

  @Test
  void leavesBrokenYamlInTheConfigurationToYamlSyntaxAndKeepsTheDefaults() {
    Fixture fixture =
        Fixture.of(
            CYCLE
                + """
                #- .strata.yaml
                rules: [dependency-cycle: off
                """);
    assertEquals(
        List.of(".strata.yaml"),
        fixture.findings("yaml-syntax").stream().map(Finding::file).toList());
    List<Finding> cycle = fixture.findings("dependency-cycle");
    assertEquals(1, cycle.size());
    assertEquals(dev.strata.model.Severity.ERROR, cycle.get(0).severity());
  }
}
