package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One object as a kustomize build emits it: the typed record of its document as the build's patches
 * and replacements left it, the file that holds it, its name and namespace after the namespace and
 * prefix transformers, its labels, and where each changed field was set ({@code changes}: a field
 * path such as {@code spec.decryption} to the patch that set it, {@code metadata.namespace} to the
 * {@code namespace:} or {@code targetNamespace} that set it). A generated ConfigMap keeps the files
 * its keys were read from ({@code dataFiles}). {@code opaque} marks an object that a transformer
 * Strata does not follow may have changed.
 */
record Emitted(
    Manifest manifest,
    String file,
    String originalName,
    String name,
    Optional<String> namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, Origin> changes,
    Map<String, String> dataFiles,
    boolean opaque) {
  Emitted {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    changes = Map.copyOf(changes);
    dataFiles = Map.copyOf(dataFiles);
  }

  static Emitted of(Manifest manifest, String file) {
    return new Emitted(
        manifest,
        file,
        manifest.meta().nameText(),
        manifest.meta().nameText(),
        manifest.meta().namespaceText(),
        manifest.meta().labels(),
        manifest.meta().annotations(),
        Map.of(),
        Map.of(),
        false);
  }

  String kind() {
    return manifest.kind();
  }

  Emitted named(String newName) {
    return new Emitted(
        manifest,
        file,
        originalName,
        newName,
        namespace,
        labels,
        annotations,
        changes,
        dataFiles,
        opaque);
  }

  Emitted inNamespace(String newNamespace) {
    return new Emitted(
        manifest,
        file,
        originalName,
        name,
        Optional.of(newNamespace),
        labels,
        annotations,
        changes,
        dataFiles,
        opaque);
  }

  Emitted labelled(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.putAll(more);
    return new Emitted(
        manifest,
        file,
        originalName,
        name,
        namespace,
        all,
        annotations,
        changes,
        dataFiles,
        opaque);
  }

  Emitted annotated(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(annotations);
    all.putAll(more);
    return new Emitted(
        manifest, file, originalName, name, namespace, labels, all, changes, dataFiles, opaque);
  }

  /** The object with {@code field} recorded as set by the transformer at {@code origin}. */
  Emitted touched(String field, Origin origin) {
    Map<String, Origin> all = new LinkedHashMap<>(changes);
    all.put(field, origin);
    return new Emitted(
        manifest, file, originalName, name, namespace, labels, annotations, all, dataFiles, opaque);
  }

  Emitted madeOpaque() {
    return new Emitted(
        manifest,
        file,
        originalName,
        name,
        namespace,
        labels,
        annotations,
        changes,
        dataFiles,
        true);
  }

  Emitted withData(Map<String, String> files) {
    return new Emitted(
        manifest, file, originalName, name, namespace, labels, annotations, changes, files, opaque);
  }

  /**
   * The object with its document replaced by {@code node} and re-read; {@code changed} names the
   * fields the change set, and where.
   */
  Emitted rewritten(YamlMapping node, Map<String, Origin> changed) {
    YamlDocument document =
        new YamlDocument(manifest.meta().document(), Optional.of(node), node.range());
    Optional<Manifest> reread = ManifestReader.read(document, "patched.yaml");
    if (reread.isEmpty()) {
      return this;
    }
    Map<String, Origin> all = new LinkedHashMap<>(changes);
    all.putAll(changed);
    Map<String, String> newLabels = new LinkedHashMap<>(labels);
    newLabels.putAll(reread.get().meta().labels());
    Map<String, String> newAnnotations = new LinkedHashMap<>(annotations);
    newAnnotations.putAll(reread.get().meta().annotations());
    return new Emitted(
        reread.get(),
        file,
        originalName,
        name,
        namespace,
        newLabels,
        newAnnotations,
        all,
        dataFiles,
        opaque);
  }
}
