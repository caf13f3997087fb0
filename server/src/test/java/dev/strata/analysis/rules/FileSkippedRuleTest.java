package dev.strata.analysis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSkippedRuleTest {
  @TempDir Path repository;

  private List<Finding> findings() throws IOException {
    return new Analyzer(
            List.of(new FileSkippedRule(), new YamlSyntaxRule()),
            (rule, e) -> {
              throw e;
            })
        .analyze(new Analysis(Loader.load(repository)));
  }

  @Test
  void reportsAFileLargerThanTheConfiguredLimit() throws IOException {
    Files.writeString(repository.resolve(".strata.yaml"), "maxFileSize: 200\n");
    Files.createDirectories(repository.resolve("apps"));
    Files.writeString(repository.resolve("apps/big.yaml"), "data: " + "x".repeat(300) + "\n");
    Files.writeString(repository.resolve("apps/small.yaml"), "data: x\n");
    List<Finding> findings = findings();
    assertEquals(1, findings.size(), findings.toString());
    Finding finding = findings.get(0);
    assertEquals("file-skipped", finding.rule());
    assertEquals(Severity.INFO, finding.severity());
    assertEquals("apps/big.yaml", finding.file());
    assertEquals(Range.ZERO, finding.range());
    assertTrue(finding.message().contains("more than the limit of 200"), finding.message());
  }

  @Test
  void doesNotParseASkippedFile() throws IOException {
    Files.writeString(repository.resolve(".strata.yaml"), "maxFileSize: 50\n");
    Files.writeString(
        repository.resolve("broken.yaml"), "key: [unclosed " + "y".repeat(100) + "\n");
    List<Finding> findings = findings();
    assertEquals(List.of("file-skipped"), findings.stream().map(Finding::rule).toList());
  }

  @Test
  void reportsBinaryData() throws IOException {
    Files.write(repository.resolve("blob.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2, '\n'});
    List<Finding> findings = findings();
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).message().contains("binary"), findings.get(0).message());
  }

  @Test
  void staysSilentUnderTheDefaultLimit() throws IOException {
    Files.writeString(repository.resolve("apps.yaml"), "data: " + "x".repeat(10_000) + "\n");
    assertEquals(List.of(), findings());
  }
}
