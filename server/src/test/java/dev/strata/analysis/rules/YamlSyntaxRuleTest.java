package dev.strata.analysis.rules;

import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.testing.Fixture;
import dev.strata.text.Range;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSyntaxRuleTest {
  private static final String RULE = "yaml-syntax";

  @Test
  void reportsInvalidYamlAtTheParsersPosition() {
    List<Finding> findings =
        Fixture.of(
                """
                #- apps/broken.yaml
                apiVersion: v1
                kind: ConfigMap
                  metadata: x
                """)
            .findings(RULE);
    assertEquals(1, findings.size(), findings.toString());
    Finding finding = findings.get(0);
    assertEquals("apps/broken.yaml", finding.file());
    assertEquals(2, finding.range().start().line());
    assertTrue(
        finding.message().contains("mapping values are not allowed here"), finding.message());
  }

  @Test
  void reportsADuplicateKeyOnTheSecondKey() {
    assertFindings(
        """
        #- apps/cm.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          name: b
        # ^^^^ error[yaml-syntax]: duplicate key "name"
        """,
        RULE);
  }

  @Test
  void stillAnalysesTheRestOfTheWorkspace() {
    Fixture fixture =
        Fixture.of(
            """
            #- clusters/home/apps.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              path: ./apps
              sourceRef: {kind: GitRepository, name: flux-system}
            #- apps/broken.yaml
            key: [unclosed
            #- apps/ks.yaml
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: loner
              namespace: flux-system
            spec:
              path: ./none
              dependsOn:
                - name: loner
            """);
    List<String> rules = fixture.findings("yaml-syntax").stream().map(Finding::file).toList();
    assertEquals(List.of("apps/broken.yaml"), rules);
    assertEquals(1, fixture.findings("dependency-cycle").size());
  }

  @Test
  void keepsTheDocumentsBeforeABrokenOne() {
    Fixture fixture =
        Fixture.of(
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
            ---
            a: b: c
            """);
    assertEquals(1, fixture.findings(RULE).size());
    assertEquals(1, fixture.findings("dependency-cycle").size());
  }

  @Test
  void staysSilentOnValidYamlWithCommentsAnchorsAndEmptyDocuments() {
    assertFindings(
        """
        #- apps/cm.yaml
        # yaml-language-server: $schema=https://example.com/schema.json
        ---
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: &meta
          name: a
        data:
          copy: *meta
        """,
        RULE);
  }

  @Test
  void reportsBytesThatAreNotUtf8() {
    byte[] bytes =
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  k: \u00ff\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    SourceFile file = Loader.fromBytes("apps/latin1.yaml", bytes);
    Snapshot snapshot = Snapshot.of(Path.of("/fixture").toAbsolutePath(), List.of(file), List.of());
    List<Finding> findings =
        new Analyzer(
                List.of(new YamlSyntaxRule()),
                (rule, e) -> {
                  throw e;
                })
            .analyze(new Analysis(snapshot));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).message().contains("not valid UTF-8"), findings.get(0).message());
    assertEquals(Range.of(3, 5, 3, 5), findings.get(0).range());
  }
}
