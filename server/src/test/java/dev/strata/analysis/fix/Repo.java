package dev.strata.analysis.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A repository as a map from path to text, written in one text block: {@code #- path} starts a file
 * and every line up to the next header is its text, line breaks included. Fixes apply to it as an
 * editor applies a workspace edit, and the result analyses again.
 */
final class Repo {
  private final Map<String, String> files;
  private Analysis analysis;
  private List<Finding> findings;

  private Repo(Map<String, String> files) {
    this.files = new TreeMap<>(files);
  }

  static Repo of(String text) {
    Map<String, String> files = new LinkedHashMap<>();
    String current = null;
    StringBuilder content = new StringBuilder();
    for (String line : text.split("(?<=\n)")) {
      if (line.startsWith("#- ")) {
        if (current != null) {
          files.put(current, content.toString());
        }
        current = line.substring(3).strip();
        content = new StringBuilder();
      } else if (current != null) {
        content.append(line);
      }
    }
    if (current != null) {
      files.put(current, content.toString());
    }
    return new Repo(files);
  }

  /** Every file under a folder of the disk, read as UTF-8. */
  static Repo load(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
      }
    }
    return new Repo(files);
  }

  /** The same repository with CRLF line breaks in the files whose path contains {@code marker}. */
  Repo crlf(String marker) {
    Map<String, String> next = new TreeMap<>(files);
    next.replaceAll(
        (path, text) ->
            path.contains(marker) ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text);
    return new Repo(next);
  }

  Map<String, String> files() {
    return files;
  }

  String file(String path) {
    return files.get(path);
  }

  Snapshot snapshot() {
    List<SourceFile> sources = new ArrayList<>();
    List<String> others = new ArrayList<>();
    files.forEach(
        (path, text) -> {
          if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            sources.add(SourceFile.parse(path, text));
          } else {
            others.add(path);
          }
        });
    return Snapshot.of(Path.of("/fixture").toAbsolutePath(), sources, others);
  }

  /** One analysis per repository value, as the server keeps one per snapshot. */
  Analysis analysis() {
    if (analysis == null) {
      analysis = new Analysis(snapshot());
    }
    return analysis;
  }

  List<Finding> findings() {
    if (findings == null) {
      findings =
          Analyzer.standard(
                  (rule, e) -> {
                    throw e;
                  })
              .analyze(analysis());
    }
    return findings;
  }

  List<Finding> findings(String rule) {
    return findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** The one finding of a rule in a file. */
  Finding finding(String rule, String file) {
    List<Finding> found = findings(rule).stream().filter(f -> f.file().equals(file)).toList();
    assertEquals(1, found.size(), () -> "findings of " + rule + " in " + file + ": " + findings());
    return found.get(0);
  }

  List<Fix> fixes(Finding finding) {
    return Fixes.forFinding(analysis(), finding);
  }

  /** The fix of a finding whose title starts with a prefix. */
  Fix fix(Finding finding, String titlePrefix) {
    List<Fix> found =
        fixes(finding).stream().filter(f -> f.title().startsWith(titlePrefix)).toList();
    assertEquals(
        1, found.size(), () -> "fixes starting with " + titlePrefix + ": " + fixes(finding));
    return found.get(0);
  }

  /**
   * The repository after a fix, each change checked the way a client checks resource operations.
   */
  Repo apply(Fix fix) {
    Map<String, String> next = new TreeMap<>(files);
    for (FileChange change : fix.changes()) {
      if (change instanceof FileChange.Create create) {
        assertFalse(next.containsKey(create.path()), "creates an existing file " + create.path());
        next.put(create.path(), create.text());
      } else if (change instanceof FileChange.Edit edit) {
        assertTrue(next.containsKey(edit.path()), "edits a missing file " + edit.path());
        next.put(edit.path(), Edits.apply(next.get(edit.path()), edit.edits()));
      } else if (change instanceof FileChange.Delete delete) {
        assertTrue(next.remove(delete.path()) != null, "deletes a missing file " + delete.path());
      }
    }
    return new Repo(next);
  }

  /**
   * This repository with the files of {@code changed} replaced or added, and {@code deleted} gone.
   */
  Repo with(String changed, String... deleted) {
    Map<String, String> next = new TreeMap<>(files);
    next.putAll(of(changed).files);
    for (String path : deleted) {
      next.remove(path);
    }
    return new Repo(next);
  }

  /** Compares file by file, byte for byte, so a failure names the file that differs. */
  void assertSame(Repo expected) {
    assertEquals(expected.files.keySet(), files.keySet(), "files");
    expected.files.forEach((path, text) -> assertEquals(show(text), show(files.get(path)), path));
  }

  private static String show(String text) {
    return text.replace("\r", "\\r");
  }
}
