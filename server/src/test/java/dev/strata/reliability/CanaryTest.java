package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.model.Manifest;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret values placed everywhere a repository keeps them never reach any output: every CLI command
 * in every format, standard error, findings (messages and related messages) and the model's
 * records.
 */
class CanaryTest {
  /** Each canary is unique so that a leak names the place it came from. */
  static final String DATA_PLAIN = "canary-data-plain-4e1f";

  static final String DATA_DECODED = "canary-data-decoded-91ab";
  static final String DATA_BASE64 =
      Base64.getEncoder().encodeToString(DATA_DECODED.getBytes(StandardCharsets.UTF_8));
  static final String STRING_DATA = "canary-stringdata-c0de";
  static final String COMMENT = "canary-comment-77aa";
  static final String TEMPLATE = "canary-template-5b5b";
  static final String HELM_VALUE = "canary-helm-value-3c3c";
  static final String BROKEN = "canary-broken-yaml-e9e9";
  static final String SOPS_VALUE = "canary-sops-ciphertext-0f0f";
  static final List<String> ALL =
      List.of(
          DATA_PLAIN,
          DATA_DECODED,
          DATA_BASE64,
          STRING_DATA,
          COMMENT,
          TEMPLATE,
          HELM_VALUE,
          BROKEN,
          SOPS_VALUE);

  @TempDir Path root;

  @BeforeEach
  void repositoryFullOfSecrets() {
    Disk.write(root, "clusters/prod/flux-system/gotk-sync.yaml", CanaryRepository.FLUX_SYSTEM);
    Disk.write(root, "clusters/prod/apps.yaml", CanaryRepository.APPS_KUSTOMIZATION);
    Disk.write(
        root,
        "apps/kustomization.yaml",
        "resources:\n  - secret.yaml\n  - externalsecret.yaml\n  - helmrelease.yaml\n  - broken.yaml\n  - secret.sops.yaml\n  - store.yaml\n");
    Disk.write(root, "apps/secret.yaml", CanaryRepository.secret());
    Disk.write(root, "apps/externalsecret.yaml", CanaryRepository.externalSecret());
    Disk.write(root, "apps/helmrelease.yaml", CanaryRepository.helmRelease());
    Disk.write(root, "apps/broken.yaml", CanaryRepository.broken());
    Disk.write(root, "apps/secret.sops.yaml", CanaryRepository.sopsSecret());
    Disk.write(root, "apps/store.yaml", CanaryRepository.STORE);
    Disk.write(root, "unapplied/secret.yaml", CanaryRepository.secret());
  }

  @Test
  void noCliOutputNamesACanary() {
    List<Cli> runs = Cli.everyOutput(root);
    runs.add(Cli.run("check", root.toString()));
    runs.add(Cli.run("bootstrap", "--cluster", "clusters/prod", root.toString()));
    for (Cli run : runs) {
      assertTrue(run.finished(), run::toString);
      assertNoCanary(run.all());
    }
  }

  @Test
  void theRepositoryDoesHoldTheCanaries() {
    List<Finding> findings = Analyses.check(root);
    assertFalse(
        Analyses.withRule(findings, "unencrypted-secret").isEmpty(),
        "the plaintext Secret is found: " + findings);
    assertFalse(Analyses.withRule(findings, "yaml-syntax").isEmpty(), "the broken file is found");
    String texts = onDisk();
    ALL.stream().filter(c -> c != DATA_DECODED).forEach(c -> assertTrue(texts.contains(c), c));
  }

  /**
   * The values the model must not keep: those of a Secret's data and stringData, an
   * ExternalSecret's template and SOPS ciphertext, wherever the document parses. Comments,
   * annotations, HelmRelease values and the text of documents that do not parse are kept as they
   * are (docs/reliability.md, Known limits); the comment canary shows that the walk reaches text.
   */
  static final List<String> VALUES =
      List.of(DATA_PLAIN, DATA_DECODED, DATA_BASE64, STRING_DATA, TEMPLATE, SOPS_VALUE);

  @Test
  void noObjectReachableFromASnapshotOrAnAnalysisHoldsAValue() {
    Snapshot snapshot = Analyses.load(root);
    snapshot.render();
    Analysis analysis = new Analysis(snapshot);
    List<Finding> findings = Analyzer.standard((rule, e) -> {}).analyze(analysis);
    for (Object start : List.of(snapshot, analysis, findings)) {
      List<String> needles = new java.util.ArrayList<>(VALUES);
      needles.add(COMMENT);
      Reachable walk = Reachable.walk(start, needles);
      assertEquals(Set.of(), walk.unknown(), "objects the walk cannot read");
      List<String> values = walk.found().stream().filter(f -> !f.startsWith(COMMENT)).toList();
      assertEquals(List.of(), values, "values held by objects reachable from " + start.getClass());
      if (start != findings) {
        assertFalse(walk.found().isEmpty(), "the walk reaches the text, comments included");
      }
      Figures.record(
          "reachable objects",
          walk.objects() + " objects reachable from the " + start.getClass().getSimpleName());
    }
  }

  /** The masked text keeps the length and the lines of the file on disk. */
  @Test
  void maskedTextKeepsOffsetsAndLines() throws java.io.IOException {
    for (SourceFile file : Analyses.load(root).files()) {
      String disk = java.nio.file.Files.readString(root.resolve(file.path()));
      assertEquals(disk.length(), file.text().length(), file.path());
      for (int i = 0; i < disk.length(); i++) {
        char c = disk.charAt(i);
        if (c == '\n' || c == '\r') {
          assertEquals(c, file.text().charAt(i), file.path() + " at " + i);
        }
      }
    }
  }

  private String onDisk() {
    StringBuilder texts = new StringBuilder();
    for (SourceFile file : Analyses.load(root).files()) {
      try {
        texts.append(java.nio.file.Files.readString(root.resolve(file.path()))).append('\n');
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return texts.toString();
  }

  @Test
  void noFindingNamesACanary() {
    for (Finding finding : Analyses.check(root)) {
      assertNoCanary(finding.toString());
    }
  }

  @Test
  void noManifestRecordPrintsACanary() {
    Snapshot snapshot = Analyses.load(root);
    for (SourceFile file : snapshot.files()) {
      for (Manifest manifest : file.manifests()) {
        assertNoCanary(manifest.toString());
      }
    }
  }

  static void assertNoCanary(String output) {
    for (String canary : ALL) {
      assertFalse(output.contains(canary), () -> "canary " + canary + " leaked in:\n" + output);
    }
  }
}
