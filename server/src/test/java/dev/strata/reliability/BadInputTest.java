package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.analysis.Finding;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken or hostile file the issue lists, placed in an otherwise healthy repository:
 * the loader, every rule and the CLI finish, the file gets a finding or a note, and the healthy
 * part is still analysed (the {@code missing-path} finding of the {@code gone} Kustomization still
 * appears). Broken files are written below {@code apps/}, which the cluster builds with Flux's
 * generated kustomization, so that they are applied.
 */
@Timeout(60)
class BadInputTest {
  @TempDir Path root;

  /** Large inputs run only {@code check}: every other command loads the same files again. */
  private boolean large;

  private void healthyRepository() {
    Disk.write(
        root,
        "clusters/prod/apps.yaml",
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: apps
          namespace: flux-system
        spec:
          interval: 10m
          path: ./apps
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: gone
          namespace: flux-system
        spec:
          interval: 10m
          path: ./gone
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        """);
    Disk.write(
        root,
        "apps/app.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
          namespace: default
        data:
          key: value
        """);
  }

  /** Loads, analyses and runs the CLI; the healthy part must still be reported. */
  private List<Finding> checkStillWorks() {
    List<Finding> findings = Analyses.check(root);
    assertFalse(
        Analyses.withRule(findings, "missing-path").isEmpty(),
        "the rest of the repository is analysed: " + findings);
    List<Cli> runs =
        large
            ? List.of(Cli.run("check", "--format", "json", root.toString()))
            : Cli.everyOutput(root);
    for (Cli run : runs) {
      assertTrue(run.finished(), run::toString);
    }
    return findings;
  }

  private List<Finding> checkWith(String path, byte[] bytes) {
    healthyRepository();
    Disk.write(root, path, bytes);
    return checkStillWorks();
  }

  private List<Finding> checkWith(String path, String text) {
    return checkWith(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String rules(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.rule() + ": " + f.message())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void reportsInvalidUtf8AndReadsTheRest() {
    byte[] bytes =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\u00e9\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xff;
    broken[bytes.length + 1] = (byte) 0xc3;
    List<Finding> findings =
        Analyses.inFile(checkWith("apps/latin1.yaml", broken), "apps/latin1.yaml");
    assertTrue(
        rules(findings).contains("yaml-syntax: the file is not valid UTF-8"), rules(findings));
  }

  @Test
  void readsAFileThatStartsWithAByteOrderMark() {
    List<Finding> findings =
        checkWith(
            "apps/bom.yaml",
            "\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n  namespace: default\n");
    assertEquals(List.of(), Analyses.inFile(findings, "apps/bom.yaml"));
    SourceFile file = Analyses.load(root).file("apps/bom.yaml").orElseThrow();
    assertEquals(1, file.manifests().size());
  }

  @Test
  void skipsBinaryDataWithANote() {
    byte[] bytes = new byte[4096];
    new Random(9).nextBytes(bytes);
    bytes[17] = 0;
    List<Finding> findings = Analyses.inFile(checkWith("apps/blob.yaml", bytes), "apps/blob.yaml");
    assertTrue(
        rules(findings).contains("file-skipped: skipped: the file holds binary data"),
        rules(findings));
  }

  @Test
  void readsBinaryLookingTextWithoutNulBytes() {
    byte[] bytes = new byte[4096];
    new Random(10).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = bytes[i] == 0 ? 1 : bytes[i];
    }
    List<Finding> findings =
        Analyses.inFile(checkWith("apps/noise.yaml", bytes), "apps/noise.yaml");
    assertFalse(findings.isEmpty(), "random bytes get at least one finding");
  }

  @Test
  void skipsAFileOverTheLimitAndReadsItWhenTheLimitIsRaised() throws IOException {
    large = true;
    String document =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-%d\n  namespace: default\ndata:\n  k: \"%s\"\n---\n";
    String padding = "x".repeat(1000);
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 10 * 1024 * 1024; i++) {
      text.append(String.format(document, i, padding));
    }
    List<Finding> findings =
        Analyses.inFile(checkWith("apps/big.yaml", text.toString()), "apps/big.yaml");
    assertEquals(1, findings.size(), rules(findings));
    assertEquals("file-skipped", findings.get(0).rule());
    assertTrue(findings.get(0).message().contains("maxFileSize"), findings.get(0).message());

    Disk.write(root, ".strata.yaml", "maxFileSize: 20000000\n");
    List<Finding> raised = Analyses.check(root);
    assertEquals(List.of(), Analyses.inFile(raised, "apps/big.yaml"));
    assertTrue(Analyses.load(root).file("apps/big.yaml").orElseThrow().manifests().size() > 9_000);
    assertTrue(Files.size(root.resolve("apps/big.yaml")) > 10 * 1024 * 1024);
  }

  @Test
  void readsFiveThousandDocumentsInOneStream() {
    large = true;
    String text =
        IntStream.range(0, 5_000)
            .mapToObj(
                i ->
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-"
                        + i
                        + "\n  namespace: default\n")
            .collect(Collectors.joining("---\n"));
    List<Finding> findings = checkWith("apps/many.yaml", text);
    assertEquals(List.of(), Analyses.inFile(findings, "apps/many.yaml"));
    assertEquals(
        5_000, Analyses.load(root).file("apps/many.yaml").orElseThrow().manifests().size());
  }

  @Test
  void reportsNestingThousandsDeep() {
    large = true;
    String flow = "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    String mappings = "{a: ".repeat(5_000) + "b" + "}".repeat(5_000) + "\n";
    StringBuilder block = new StringBuilder();
    for (int depth = 0; depth < 2_000; depth++) {
      block.append(" ".repeat(depth)).append("k").append(depth).append(":\n");
    }
    healthyRepository();
    Disk.write(root, "apps/deep.yaml", flow + "---\n" + mappings);
    Disk.write(root, "apps/indented.yaml", block.toString());
    List<Finding> findings = checkStillWorks();
    List<Finding> own = Analyses.inFile(findings, "apps/deep.yaml");
    assertTrue(own.size() >= 2, rules(own));
    own.forEach(f -> assertEquals("yaml-syntax", f.rule()));
    List<Finding> indented = Analyses.inFile(findings, "apps/indented.yaml");
    assertEquals(
        List.of("yaml-syntax"), indented.stream().map(Finding::rule).toList(), rules(indented));
  }

  @Test
  void reportsAnAliasBomb() {
    StringBuilder text =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 12; i++) {
      String previous = "*a" + (i - 1);
      text.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    List<Finding> own =
        Analyses.inFile(checkWith("apps/bomb.yaml", text.toString()), "apps/bomb.yaml");
    assertEquals(
        List.of("yaml-syntax"), own.stream().map(Finding::rule).distinct().toList(), rules(own));
  }

  @Test
  void reportsDuplicateKeys() {
    List<Finding> own =
        Analyses.inFile(
            checkWith(
                "apps/dup.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"),
            "apps/dup.yaml");
    assertTrue(rules(own).contains("yaml-syntax: duplicate key \"name\""), rules(own));
  }

  @Test
  void reportsTabIndentation() {
    List<Finding> own =
        Analyses.inFile(
            checkWith(
                "apps/tabs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n"),
            "apps/tabs.yaml");
    assertTrue(rules(own).contains("tab"), rules(own));
  }

  @Test
  void readsCrlfLikeLf() {
    healthyRepository();
    List<Finding> lf = Analyses.check(root);
    for (String path : List.of("clusters/prod/apps.yaml", "apps/app.yaml")) {
      String text = readString(root.resolve(path));
      Disk.write(root, path, text.replace("\n", "\r\n"));
    }
    assertEquals(lf, checkStillWorks());
  }

  @Test
  void leavesHelmChartTemplatesAlone() {
    healthyRepository();
    Disk.write(root, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    Disk.write(
        root,
        "charts/app/templates/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "app.fullname" . }}
          labels:
            {{- include "app.labels" . | nindent 4 }}
        spec:
          {{- if .Values.replicas }}
          replicas: {{ .Values.replicas }}
          {{- end }}
        """);
    // A chart's templates are Go templates, not YAML, until Helm renders them: never parsed, never
    // reported.
    List<Finding> own = Analyses.inFile(checkStillWorks(), "charts/app/templates/deployment.yaml");
    assertEquals(List.of(), own, rules(own));
  }

  @Test
  void acceptsEmptyFilesAndEmptyDocuments() {
    healthyRepository();
    Disk.write(root, "apps/empty.yaml", "");
    Disk.write(root, "apps/blank.yml", "\n\n   \n");
    Disk.write(root, "apps/comments.yaml", "# nothing here\n");
    Disk.write(root, "apps/markers.yaml", "---\n---\n...\n---\n");
    Disk.write(root, "apps/null.yaml", "~\n---\nnull\n---\n[]\n---\n{}\n");
    List<Finding> findings = checkStillWorks();
    for (String file :
        List.of(
            "apps/empty.yaml",
            "apps/blank.yml",
            "apps/comments.yaml",
            "apps/markers.yaml",
            "apps/null.yaml")) {
      assertEquals(List.of(), Analyses.inFile(findings, file), file);
    }
  }

  @Test
  void skipsAnUnreadableFileWithANote() throws IOException {
    healthyRepository();
    Path file = Disk.write(root, "apps/locked.yaml", "apiVersion: v1\nkind: ConfigMap\n");
    assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "running as root: every file is readable");
      List<Finding> own = Analyses.inFile(checkStillWorks(), "apps/locked.yaml");
      assertTrue(rules(own).contains("file-skipped: skipped: the file cannot be read"), rules(own));
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void survivesFilesDeletedWhileLoading() throws Exception {
    large = true;
    healthyRepository();
    List<Path> victims =
        IntStream.range(0, 2_000)
            .mapToObj(
                i ->
                    Disk.write(
                        root,
                        "apps/churn/f" + i + ".yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: f" + i + "\n"))
            .toList();
    Thread deleter =
        new Thread(() -> victims.forEach(v -> v.toFile().delete()), "reliability-deleter");
    deleter.start();
    Snapshot snapshot = Analyses.load(root);
    deleter.join();
    for (SourceFile file : snapshot.files()) {
      if (file.path().startsWith("apps/churn/")) {
        boolean read = file.manifests().size() == 1;
        boolean noted = file.notes().stream().anyMatch(n -> n.message().contains("cannot be read"));
        assertTrue(
            read || noted || file.text().isEmpty(),
            file.path() + " was neither read nor noted: " + file);
      }
    }
    Analyses.check(snapshot);
    checkStillWorks();
  }

  @Test
  void survivesSymbolicLinkLoops() throws IOException {
    healthyRepository();
    Path links = Files.createDirectories(root.resolve("apps/links"));
    createLink(links.resolve("up"), root);
    createLink(links.resolve("self"), links);
    createLink(links.resolve("a.yaml"), links.resolve("b.yaml"));
    createLink(links.resolve("b.yaml"), links.resolve("a.yaml"));
    createLink(links.resolve("dangling.yaml"), links.resolve("nowhere.yaml"));
    List<Finding> findings = checkStillWorks();
    Snapshot snapshot = Analyses.load(root);
    assertTrue(
        snapshot.files().stream()
            .noneMatch(f -> f.path().contains("/up/") || f.path().contains("/self/")),
        snapshot.files().stream().map(SourceFile::path).toList().toString());
    assertFalse(findings.isEmpty());
  }

  @Test
  void reportsAnInvalidStrataConfigAndUsesDefaults() {
    for (String config :
        List.of(
            "rules: [",
            "- a\n- list\n",
            "rules: 5\n",
            "rules:\n  dependency-cycle: loud\n",
            "maxFileSize: -3\n",
            "maxFileSize: lots\n",
            "roots: {a: b}\n",
            "ignore: 7\n",
            "unknown: 1\n",
            "\u0000\u0001",
            "rules: &a [*a]\n")) {
      healthyRepository();
      Disk.write(root, ".strata.yaml", config);
      List<Finding> own = Analyses.inFile(checkStillWorks(), ".strata.yaml");
      assertFalse(own.isEmpty(), "a finding for .strata.yaml " + config);
    }
  }

  @Test
  void reportsAnInvalidSopsConfig() {
    for (String config :
        List.of(
            "creation_rules:\n  - path_regex: '(['\n    age: x\n",
            "creation_rules: 5\n",
            "[",
            "- 1\n",
            "creation_rules:\n  - path_regex: [a]\n",
            "\u0000")) {
      healthyRepository();
      Disk.write(root, ".sops.yaml", config);
      Disk.write(
          root,
          "apps/secret.sops.yaml",
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  k: ENC[AES256_GCM,data:x]\nsops:\n  mac: ENC[x]\n");
      List<Finding> own = Analyses.inFile(checkStillWorks(), ".sops.yaml");
      assertFalse(own.isEmpty(), "a finding for .sops.yaml " + config);
    }
  }

  private static void createLink(Path link, Path target) throws IOException {
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no symbolic links here");
    }
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
