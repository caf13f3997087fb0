package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.model.SecretValues;
import dev.strata.model.SopsConfig;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlParser;
import dev.strata.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One YAML file of the repository: its path relative to the root (forward slashes), its text, its
 * syntax and the manifests of its documents, plus what the loader noticed. Immutable and shared
 * between snapshots while the file does not change.
 */
public record SourceFile(
    String path,
    String text,
    YamlFile syntax,
    List<Manifest> manifests,
    List<FileNote> notes,
    FileMemo memo) {
  public SourceFile {
    manifests = List.copyOf(manifests);
    notes = List.copyOf(notes);
  }

  public static SourceFile parse(String path, String text) {
    return parse(path, text, List.of());
  }

  /**
   * Parses {@code text}; the file keeps it with the values of Secrets, ExternalSecret templates and
   * SOPS ciphertext masked ({@link SecretValues}: same length, lines and ranges), in {@link #text}
   * and in the syntax tree alike. An editor's real text stays with the language server.
   */
  public static SourceFile parse(String path, String text, List<FileNote> notes) {
    YamlFile syntax = SecretValues.mask(YamlParser.parse(text));
    String name = nameOf(path);
    List<Manifest> manifests = new ArrayList<>();
    if (!SopsConfig.isConfigName(name) && !name.equals(".strata.yaml")) {
      for (YamlDocument document : syntax.documents()) {
        ManifestReader.readMasked(document, name).ifPresent(manifests::add);
      }
    }
    return new SourceFile(path, syntax.text(), syntax, manifests, notes, new FileMemo());
  }

  /** A file that was not parsed, kept so that the note about it can be reported. */
  public static SourceFile skipped(String path, FileNote note) {
    return new SourceFile(
        path,
        "",
        new YamlFile("", LineIndex.of(""), List.of(), List.of()),
        List.of(),
        List.of(note),
        new FileMemo());
  }

  public String name() {
    return nameOf(path);
  }

  public String directory() {
    return directoryOf(path);
  }

  /** True when one of the file's manifests passes {@code test}. */
  public boolean anyManifest(java.util.function.Predicate<? super Manifest> test) {
    for (Manifest manifest : manifests) {
      if (test.test(manifest)) {
        return true;
      }
    }
    return false;
  }

  public Optional<Manifest> manifest(int document) {
    // Manifests are in document order, one per document at most (parse reads them so; a skipped
    // file has none), and most files hold nothing else: then the index finds it.
    if (document >= 0 && document < manifests.size()) {
      Manifest at = manifests.get(document);
      if (at.meta().document() == document) {
        return Optional.of(at);
      }
    }
    return manifests.stream().filter(m -> m.meta().document() == document).findFirst();
  }

  static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
