package dev.strata.analysis.fix;

import dev.strata.model.DependencyRef;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits to the {@code spec} of one Flux Kustomization document: add or remove {@code dependsOn}
 * entries, add {@code decryption}. Each returns false, and edits nothing, when the document's shape
 * does not allow a clean edit (no block {@code spec}, a {@code dependsOn} that is not a sequence).
 */
final class KustomizationEdits {
  private final FileEdits edits;
  private final YamlMapping document;

  KustomizationEdits(FileEdits edits, YamlMapping document) {
    this.edits = edits;
    this.document = document;
  }

  /** A dependency entry: the name, and the namespace when it differs from the dependent's. */
  static Map<String, String> entry(String name, Optional<String> namespace) {
    Map<String, String> item = new LinkedHashMap<>();
    item.put("name", name);
    namespace.ifPresent(n -> item.put("namespace", n));
    return item;
  }

  private Optional<YamlMapping.Entry> specEntry() {
    return document.entry("spec");
  }

  /** The block mapping under {@code spec:}, starting on a line after the key. */
  private Optional<YamlMapping> blockSpec() {
    return specEntry()
        .filter(
            e ->
                e.value() instanceof YamlMapping m
                    && !m.flow()
                    && !m.entries().isEmpty()
                    && m.range().start().line() > e.key().range().start().line())
        .map(e -> (YamlMapping) e.value());
  }

  boolean addDependencies(List<Map<String, String>> items) {
    Optional<YamlMapping> spec = blockSpec();
    if (spec.isEmpty()
        && specEntry().map(e -> e.value() instanceof YamlMapping m && m.flow()).orElse(false)) {
      return addToFlowSpec(items);
    }
    if (spec.isEmpty()) {
      return false;
    }
    Optional<YamlMapping.Entry> dependsOn = spec.get().entry("dependsOn");
    YamlText text = edits.source();
    int column = spec.get().range().start().character();
    int dash = text.indentedSequences() ? column + text.indentUnit() : column;
    if (dependsOn.isPresent()
        && dependsOn.get().value() instanceof YamlSequence sequence
        && (sequence.flow() || !sequence.items().isEmpty())) {
      YamlEdits.appendItems(edits, sequence, items);
      return true;
    }
    if (dependsOn.isPresent()
        && !(dependsOn.get().value() instanceof YamlScalar scalar && scalar.isNull())) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    if (dependsOn.isEmpty()) {
      lines.add(YamlText.spaces(column) + "dependsOn:");
    }
    for (Map<String, String> item : items) {
      lines.addAll(YamlEdits.blockItem(dash, dash + 2, item, false));
    }
    int after =
        dependsOn
            .map(e -> e.key().range().end().line())
            .orElse(specEntry().get().key().range().end().line());
    YamlEdits.insertLinesAfter(edits, after, lines);
    return true;
  }

  private boolean addToFlowSpec(List<Map<String, String>> items) {
    YamlMapping spec = (YamlMapping) specEntry().get().value();
    String flow = String.join(", ", items.stream().map(YamlEdits::flowMapping).toList());
    Optional<YamlMapping.Entry> dependsOn = spec.entry("dependsOn");
    if (dependsOn.isPresent()
        && dependsOn.get().value() instanceof YamlSequence sequence
        && sequence.flow()) {
      YamlEdits.appendItems(edits, sequence, items);
      return true;
    }
    if (dependsOn.isPresent() || spec.entries().isEmpty()) {
      return false;
    }
    YamlText text = edits.source();
    YamlMapping.Entry last = spec.entries().get(spec.entries().size() - 1);
    edits.insert(text.offset(YamlText.contentEnd(last.value())), ", dependsOn: [" + flow + "]");
    return true;
  }

  /** Removes the entries with these item ranges; the key goes when none is left. */
  boolean removeDependencies(List<DependencyRef> refs) {
    Optional<YamlMapping> spec =
        specEntry().filter(e -> e.value() instanceof YamlMapping).map(e -> (YamlMapping) e.value());
    Optional<YamlMapping.Entry> dependsOn = spec.flatMap(s -> s.entry("dependsOn"));
    if (dependsOn.isEmpty() || !(dependsOn.get().value() instanceof YamlSequence sequence)) {
      return false;
    }
    Set<YamlNode> remove = new HashSet<>();
    for (YamlNode item : sequence.items()) {
      if (refs.stream().anyMatch(r -> r.entry().equals(item.range()))) {
        remove.add(item);
      }
    }
    if (remove.size() != refs.size()) {
      return false;
    }
    YamlEdits.removeItems(edits, spec.get(), dependsOn.get(), remove);
    return true;
  }

  /** Adds {@code decryption: {provider: sops, secretRef: {name}}} at the end of {@code spec}. */
  boolean addDecryption(String secretName) {
    Optional<YamlMapping> spec = blockSpec();
    if (spec.isEmpty()) {
      if (specEntry()
              .map(e -> e.value() instanceof YamlMapping m && m.flow() && !m.entries().isEmpty())
              .orElse(false)
          && ((YamlMapping) specEntry().get().value()).entry("decryption").isEmpty()) {
        YamlMapping flow = (YamlMapping) specEntry().get().value();
        YamlMapping.Entry last = flow.entries().get(flow.entries().size() - 1);
        edits.insert(
            edits.source().offset(YamlText.contentEnd(last.value())),
            ", decryption: {provider: sops, secretRef: {name: " + secretName + "}}");
        return true;
      }
      return false;
    }
    if (spec.get().entry("decryption").isPresent()) {
      return false;
    }
    YamlText text = edits.source();
    int column = spec.get().range().start().character();
    int unit = text.indentUnit();
    List<String> lines =
        List.of(
            YamlText.spaces(column) + "decryption:",
            YamlText.spaces(column + unit) + "provider: sops",
            YamlText.spaces(column + unit) + "secretRef:",
            YamlText.spaces(column + 2 * unit) + "name: " + secretName);
    YamlEdits.insertLinesAfter(edits, YamlText.lastLine(spec.get()), lines);
    return true;
  }

  /** The {@code dependsOn} item spanning a range. */
  Optional<YamlMapping> dependencyItem(dev.strata.text.Range entry) {
    return specEntry()
        .flatMap(e -> e.value() instanceof YamlMapping m ? m.get("dependsOn") : Optional.empty())
        .filter(YamlSequence.class::isInstance)
        .flatMap(
            s ->
                ((YamlSequence) s)
                    .items().stream().filter(i -> i.range().equals(entry)).findFirst())
        .filter(YamlMapping.class::isInstance)
        .map(YamlMapping.class::cast);
  }

  /** Replaces the text of a scalar inside its quotes, if any. */
  void replaceScalar(YamlScalar scalar, String value) {
    YamlText text = edits.source();
    edits.replace(text.innerStart(scalar), text.innerEnd(scalar), value);
  }

  /**
   * Sets the {@code namespace} of a dependency item: replaces it, or adds it in the item's style.
   */
  boolean setNamespace(YamlMapping item, String namespace) {
    YamlText text = edits.source();
    Optional<YamlNode> existing = item.get("namespace");
    if (existing.isPresent()) {
      if (!(existing.get() instanceof YamlScalar scalar)
          || scalar.style() == YamlScalar.Style.LITERAL
          || scalar.style() == YamlScalar.Style.FOLDED) {
        return false;
      }
      if (scalar.isNull()) {
        edits.replace(
            text.offset(scalar.range().start()),
            text.offset(scalar.range().end()),
            (scalar.value().isEmpty() ? " " : "") + namespace);
        return true;
      }
      replaceScalar(scalar, namespace);
      return true;
    }
    if (item.flow()) {
      YamlMapping.Entry last = item.entries().get(item.entries().size() - 1);
      edits.insert(text.offset(YamlText.contentEnd(last.value())), ", namespace: " + namespace);
      return true;
    }
    int column = item.range().start().character();
    YamlEdits.insertLinesAfter(
        edits,
        YamlText.lastLine(item),
        List.of(YamlText.spaces(column) + "namespace: " + namespace));
    return true;
  }
}
