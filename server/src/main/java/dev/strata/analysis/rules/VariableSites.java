package dev.strata.analysis.rules;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.LineIndex;
import dev.strata.text.Range;
import dev.strata.workspace.Carried;
import dev.strata.workspace.Envsubst;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ${...}} expressions of one applied document, each at its place in the file. Flux
 * substitutes the object as YAML text after the build (fluxcd/pkg {@code
 * kustomize/kustomize_varsub.go} {@code SubstituteVariables}: {@code res.AsYAML()}), so every key
 * and value counts and comments do not; each scalar is parsed apart, which reads the same
 * expressions as long as none spans two scalars. A value a patch brought in has no place of its own
 * in the file and is reported at the scalar's range.
 */
record VariableSites(List<Site> sites, Optional<Problem> problem) {
  /** One expression and where it is written. */
  record Site(Envsubst.Reference reference, Range range) {}

  /** A text the envsubst parser rejects, and where. */
  record Problem(String message, Range range) {}

  /**
   * The same, kept from one snapshot to the next while the document (a build's object, shared by
   * the next render wherever the build still holds) and the file are the same instances.
   */
  static VariableSites memoised(
      YamlMapping document, SourceFile file, boolean encrypted, Carried carried) {
    return carried.get(
        VariableSites.class, () -> of(document, file, encrypted), document, file, encrypted);
  }

  static VariableSites of(YamlMapping document, SourceFile file, boolean encrypted) {
    List<Site> sites = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (YamlMapping.Entry entry : document.entries()) {
      if (encrypted && entry.keyText().filter("sops"::equals).isPresent()) {
        continue; // kustomize-controller decrypts first, which removes the sops block
      }
      walk(entry.key(), file, sites, problems);
      walk(entry.value(), file, sites, problems);
    }
    return new VariableSites(sites, problems.stream().findFirst());
  }

  private static void walk(
      YamlNode node, SourceFile file, List<Site> sites, List<Problem> problems) {
    if (node instanceof YamlScalar scalar) {
      scalar(scalar, file, sites, problems);
    } else if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(i -> walk(i, file, sites, problems));
    } else if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        walk(entry.key(), file, sites, problems);
        walk(entry.value(), file, sites, problems);
      }
    }
  }

  private static void scalar(
      YamlScalar scalar, SourceFile file, List<Site> sites, List<Problem> problems) {
    String value = scalar.value();
    if (!value.contains("${")) {
      return;
    }
    Envsubst.Parsed parsed = Envsubst.parse(value);
    for (Envsubst.Reference reference : parsed.references()) {
      sites.add(new Site(reference, locate(file, scalar, reference.start(), reference.end())));
    }
    parsed
        .problem()
        .ifPresent(
            p ->
                problems.add(
                    new Problem(
                        p.message(),
                        locate(file, scalar, p.start(), Math.min(value.length(), p.start() + 2)))));
  }

  /**
   * The range of {@code value[start, end)} in the file: the same text found at the same rank among
   * its repeats inside the scalar's source, which quoting, folding and block indentation leave
   * intact for an expression; the scalar's whole range when it is not found there.
   */
  private static Range locate(SourceFile file, YamlScalar scalar, int start, int end) {
    String value = scalar.value();
    String needle = value.substring(start, end);
    int rank = 0;
    for (int i = value.indexOf(needle); i >= 0 && i < start; i = value.indexOf(needle, i + 1)) {
      rank++;
    }
    LineIndex lines = file.syntax().lines();
    String text = file.text();
    int from = lines.offset(scalar.range().start(), text);
    int to = lines.offset(scalar.range().end(), text);
    if (from >= to || to > text.length()) {
      return scalar.range();
    }
    String raw = text.substring(from, to);
    int found = raw.indexOf(needle);
    for (int i = 0; i < rank && found >= 0; i++) {
      found = raw.indexOf(needle, found + 1);
    }
    if (found < 0) {
      return scalar.range();
    }
    return new Range(lines.position(from + found), lines.position(from + found + needle.length()));
  }
}
