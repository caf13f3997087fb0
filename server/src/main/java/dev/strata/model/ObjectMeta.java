package dev.strata.model;

import dev.strata.syntax.YamlMapping;
import dev.strata.text.Range;
import java.util.Map;
import java.util.Optional;

/**
 * What every Kubernetes document has: type, name, namespace, labels and annotations, its SOPS block
 * if any, the document's node and its index in the file's YAML stream.
 */
public record ObjectMeta(
    Located<ApiVersion> apiVersion,
    Located<String> kind,
    Optional<Located<String>> name,
    Optional<Located<String>> namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Optional<SopsMetadata> sops,
    YamlMapping node,
    int document) {

  public ObjectMeta {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public String group() {
    return apiVersion.value().group();
  }

  public String version() {
    return apiVersion.value().version();
  }

  public String nameText() {
    return name.map(Located::value).orElse("");
  }

  public Optional<String> namespaceText() {
    return namespace.map(Located::value);
  }

  /**
   * True when Flux would decrypt this document: a top-level {@code sops} block with a {@code mac}.
   */
  public boolean encrypted() {
    return sops.map(SopsMetadata::hasMac).orElse(false);
  }

  /** The range a finding about the whole object points at: its name, else its kind. */
  public Range anchor() {
    return name.map(Located::range).orElse(kind.range());
  }

  public Range range() {
    return node.range();
  }

  /**
   * Leaves the document's node out: for a Secret it holds the values, and a record's default string
   * would print them wherever an object is logged or shown.
   */
  @Override
  public String toString() {
    return "ObjectMeta["
        + apiVersion.value()
        + " "
        + kind.value()
        + " "
        + nameText()
        + namespace.map(n -> " in " + n.value()).orElse("")
        + ", document "
        + document
        + " at "
        + node.range()
        + "]";
  }
}
