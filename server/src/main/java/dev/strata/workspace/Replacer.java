package dev.strata.workspace;

import dev.strata.model.PatchTarget;
import dev.strata.model.Replacement;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlNodes;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kustomize {@code replacements}: copies a scalar from the one object a source selects (exactly, by
 * current or original identity) to field paths of the objects each target selects (by anchored
 * patterns) and no {@code reject} matches; a missing target field is skipped unless {@code create}
 * is set (kubernetes-sigs/kustomize {@code api/filters/replacement/replacement.go}). A source that
 * selects nothing, or more than one object, fails the kustomize build; Strata then leaves the
 * targets unchanged.
 */
final class Replacer {
  private Replacer() {}

  /**
   * One target of a replacement applied to one object: the object with {@code value} set at each of
   * the target's field paths when the target selects it, the object itself otherwise. The value is
   * {@link #sourceValue} of the objects of the build, taken before any target is applied.
   */
  static Emitted replaced(Emitted object, Replacement.Target target, String value, Origin origin) {
    if (!selected(target, object)) {
      return object;
    }
    List<String> paths =
        target.fieldPaths().isEmpty() ? List.of("metadata.name") : target.fieldPaths();
    for (String path : paths) {
      object = set(object, path, value, target.options(), origin);
    }
    return object;
  }

  private static boolean selected(Replacement.Target target, Emitted object) {
    boolean chosen =
        target.select().isEmpty()
            || target.select().stream().anyMatch(s -> Selector.selects(s, object, true));
    return chosen
        && target.reject().stream()
            .filter(r -> !r.equals(PatchTarget.ANY))
            .noneMatch(r -> Selector.selects(r, object, true));
  }

  /** The value a replacement's source gives, when exactly one of the objects is its source. */
  static Optional<String> sourceValue(List<Emitted> objects, Replacement.Source source) {
    List<Emitted> matches =
        objects.stream().filter(o -> Selector.selects(source.select(), o, false)).toList();
    if (matches.size() != 1) {
      return Optional.empty();
    }
    Optional<String> value = get(matches.get(0), source.fieldPath());
    Replacement.Options options = source.options();
    if (value.isPresent() && options.delimiter().isPresent()) {
      String[] parts =
          value.get().split(java.util.regex.Pattern.quote(options.delimiter().get()), -1);
      return options.index() >= 0 && options.index() < parts.length
          ? Optional.of(parts[options.index()])
          : Optional.empty();
    }
    return value;
  }

  static Optional<String> get(Emitted object, String fieldPath) {
    if (fieldPath.equals("metadata.name")) {
      return Optional.of(object.name());
    }
    if (fieldPath.equals("metadata.namespace")) {
      return object.namespace();
    }
    YamlNode current = object.manifest().meta().node();
    for (String segment : segments(fieldPath)) {
      Optional<YamlNode> next = step(current, segment);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return current instanceof YamlScalar s ? Optional.of(s.value()) : Optional.empty();
  }

  private static Emitted set(
      Emitted object, String fieldPath, String value, Replacement.Options options, Origin origin) {
    if (fieldPath.equals("metadata.name")) {
      return object.named(partial(Optional.of(object.name()), value, options));
    }
    if (fieldPath.equals("metadata.namespace")) {
      return object.inNamespace(partial(object.namespace(), value, options));
    }
    List<String> segments = segments(fieldPath);
    YamlMapping node = object.manifest().meta().node();
    Range anchor = object.manifest().meta().anchor();
    Optional<YamlNode> updated = set(node, segments, 0, value, options, anchor);
    if (updated.isEmpty() || !(updated.get() instanceof YamlMapping m)) {
      return object;
    }
    String changed = String.join(".", segments.subList(0, Math.min(2, segments.size())));
    return object.rewritten(m, Map.of(changed, origin));
  }

  private static Optional<YamlNode> set(
      YamlNode node,
      List<String> segments,
      int index,
      String value,
      Replacement.Options options,
      Range anchor) {
    if (index == segments.size()) {
      Optional<String> old =
          node instanceof YamlScalar s && !s.isNull() ? Optional.of(s.value()) : Optional.empty();
      return Optional.of(YamlNodes.scalar(partial(old, value, options), node.range()));
    }
    String segment = segments.get(index);
    Optional<YamlNode> child = step(node, segment);
    if (child.isEmpty()) {
      if (!options.create() || !(node instanceof YamlMapping m) || segment.startsWith("[")) {
        return Optional.empty();
      }
      YamlNode created =
          index == segments.size() - 1
              ? YamlNodes.scalar(value, anchor)
              : YamlNodes.emptyMapping(anchor);
      if (index < segments.size() - 1) {
        return set(created, segments, index + 1, value, options, anchor)
            .map(v -> YamlNodes.with(m, segment, v));
      }
      return Optional.of(YamlNodes.with(m, segment, created));
    }
    Optional<YamlNode> inner = set(child.get(), segments, index + 1, value, options, anchor);
    if (inner.isEmpty()) {
      return Optional.empty();
    }
    if (node instanceof YamlMapping m) {
      return Optional.of(YamlNodes.with(m, unbracket(segment), inner.get()));
    }
    YamlSequence s = (YamlSequence) node;
    List<YamlNode> items = new ArrayList<>(s.items());
    items.set(items.indexOf(child.get()), inner.get());
    return Optional.of(new YamlSequence(items, s.flow(), s.range()));
  }

  private static String partial(Optional<String> old, String value, Replacement.Options options) {
    if (options.delimiter().isEmpty() || old.isEmpty()) {
      return value;
    }
    String delimiter = options.delimiter().get();
    List<String> parts =
        new ArrayList<>(List.of(old.get().split(java.util.regex.Pattern.quote(delimiter), -1)));
    int index = options.index();
    if (index < 0) {
      parts.add(0, value);
    } else if (index >= parts.size()) {
      parts.add(value);
    } else {
      parts.set(index, value);
    }
    return String.join(delimiter, parts);
  }

  /** One step of a kustomize field path: a key, an index, or {@code [field=value]}. */
  private static Optional<YamlNode> step(YamlNode node, String segment) {
    if (node instanceof YamlMapping m) {
      return m.get(unbracket(segment));
    }
    if (node instanceof YamlSequence s) {
      if (segment.startsWith("[") && segment.contains("=")) {
        String inner = segment.substring(1, segment.length() - 1);
        String field = inner.substring(0, inner.indexOf('='));
        String wanted = inner.substring(inner.indexOf('=') + 1);
        for (YamlNode item : s.items()) {
          if (item instanceof YamlMapping m
              && m.get(field)
                  .filter(YamlScalar.class::isInstance)
                  .map(v -> ((YamlScalar) v).value())
                  .filter(wanted::equals)
                  .isPresent()) {
            return Optional.of(item);
          }
        }
        return Optional.empty();
      }
      try {
        int index = Integer.parseInt(segment);
        return index >= 0 && index < s.items().size()
            ? Optional.of(s.items().get(index))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String unbracket(String segment) {
    return segment.startsWith("[") && segment.endsWith("]") && !segment.contains("=")
        ? segment.substring(1, segment.length() - 1)
        : segment;
  }

  /** Splits a field path at dots outside brackets. */
  static List<String> segments(String fieldPath) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char c : fieldPath.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (c == '.' && depth == 0) {
        result.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    result.add(current.toString());
    return result;
  }
}
