package dev.strata.workspace;

import dev.strata.model.Patch;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlNodes;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one patch to one object's document, as kustomize does for custom resources: a strategic
 * merge merges mappings key by key, merges lists of mappings by an associative key ({@code name}
 * and the few others kyaml knows) and replaces other lists (kubernetes-sigs/kustomize {@code
 * kyaml/yaml/merge2}); a JSON 6902 patch runs its {@code add}, {@code replace} and {@code remove}
 * operations. What a patch brings from another text is moved to the object's own anchor, so that no
 * range of the result points into a file it does not belong to; {@code changes} keeps the patch's
 * real place for the fields it set.
 */
final class Patcher {
  private static final List<String> ASSOCIATIVE_KEYS =
      List.of("name", "mountPath", "devicePath", "ip", "type", "topologyKey", "containerPort");
  private static final Set<String> DIRECTIVES =
      Set.of("$patch", "$retainKeys", "$setElementOrder", "$deleteFromPrimitiveList");

  private Patcher() {}

  /** The patched object, or empty when a {@code $patch: delete} removes it from the build. */
  static Optional<Emitted> apply(Emitted object, SourcedPatch sourced) {
    Patch patch = sourced.patch();
    Range anchor = object.manifest().meta().anchor();
    YamlMapping node = object.manifest().meta().node();
    Map<String, Origin> changed = new LinkedHashMap<>();
    if (patch.merge().isPresent()) {
      YamlMapping body = patch.merge().get();
      if (directive(body).filter("delete"::equals).isPresent()) {
        return Optional.empty();
      }
      YamlMapping relocated = (YamlMapping) YamlNodes.relocate(body, anchor);
      // The body's apiVersion, kind, name and namespace say what it targets; they set nothing.
      YamlMapping setting = without(relocated, "apiVersion", "kind");
      Optional<YamlNode> metadata = setting.get("metadata");
      if (metadata.isPresent() && metadata.get() instanceof YamlMapping m) {
        setting = YamlNodes.with(setting, "metadata", without(m, "name", "namespace"));
      }
      node = (YamlMapping) merge(node, setting, true);
      for (String path : leafPaths(body, "", 0)) {
        changed.put(path, sourced.origin());
      }
    }
    for (Patch.JsonPatchOperation operation : patch.operations()) {
      List<String> path = pointer(operation.path());
      Optional<YamlNode> value = operation.value().map(v -> YamlNodes.relocate(v, anchor));
      boolean add = operation.op().equals("add");
      Optional<YamlNode> result = Optional.empty();
      if ((add || operation.op().equals("replace")) && value.isPresent()) {
        result = set(node, path, 0, value.get(), add);
      } else if (operation.op().equals("remove")) {
        result = remove(node, path, 0);
      }
      if (result.isPresent() && result.get() instanceof YamlMapping m) {
        node = m;
        changed.put(String.join(".", path.subList(0, Math.min(2, path.size()))), sourced.origin());
      }
    }
    if (changed.isEmpty()) {
      return Optional.of(object);
    }
    return Optional.of(object.rewritten(node, changed));
  }

  private static Optional<String> directive(YamlMapping body) {
    return body.get("$patch")
        .filter(YamlScalar.class::isInstance)
        .map(n -> ((YamlScalar) n).value());
  }

  private static YamlMapping without(YamlMapping mapping, String... keys) {
    YamlMapping result = mapping;
    for (String key : keys) {
      result = YamlNodes.without(result, key);
    }
    return result;
  }

  /** The first two segments of every path the body sets: {@code spec.decryption}, ... */
  private static List<String> leafPaths(YamlMapping body, String prefix, int depth) {
    List<String> result = new ArrayList<>();
    for (YamlMapping.Entry entry : body.entries()) {
      String key = entry.keyText().orElse("");
      if (key.equals("apiVersion") || key.equals("kind") || DIRECTIVES.contains(key)) {
        continue;
      }
      if (key.equals("metadata") && entry.value() instanceof YamlMapping m) {
        for (YamlMapping.Entry inner : m.entries()) {
          String innerKey = inner.keyText().orElse("");
          if (!innerKey.equals("name") && !innerKey.equals("namespace")) {
            result.add("metadata." + innerKey);
          }
        }
        continue;
      }
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (depth == 0 && entry.value() instanceof YamlMapping m) {
        result.addAll(leafPaths(m, path, depth + 1));
      } else {
        result.add(path);
      }
    }
    return result;
  }

  /** A strategic merge of {@code patch} into {@code base}. */
  static YamlNode merge(YamlNode base, YamlNode patch, boolean top) {
    if (patch instanceof YamlMapping p && base instanceof YamlMapping b) {
      if (!top && directive(p).filter("replace"::equals).isPresent()) {
        return without(p, "$patch");
      }
      YamlMapping result = b;
      for (YamlMapping.Entry entry : p.entries()) {
        String key = entry.keyText().orElse(null);
        if (key == null || DIRECTIVES.contains(key)) {
          continue;
        }
        if (entry.value() instanceof YamlScalar s && s.isNull()) {
          result = YamlNodes.without(result, key);
          continue;
        }
        Optional<YamlNode> existing = result.get(key);
        YamlNode merged = existing.map(e -> merge(e, entry.value(), false)).orElse(entry.value());
        result = YamlNodes.with(result, key, merged);
      }
      return result;
    }
    if (patch instanceof YamlSequence p && base instanceof YamlSequence b) {
      Optional<String> key = associativeKey(p).or(() -> associativeKey(b));
      if (key.isPresent()) {
        return mergeByKey(b, p, key.get());
      }
    }
    return patch;
  }

  private static Optional<String> associativeKey(YamlSequence sequence) {
    if (sequence.items().isEmpty()) {
      return Optional.empty();
    }
    for (String key : ASSOCIATIVE_KEYS) {
      boolean all = true;
      for (YamlNode item : sequence.items()) {
        if (!(item instanceof YamlMapping m) || m.get(key).isEmpty()) {
          all = false;
          break;
        }
      }
      if (all) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  private static YamlSequence mergeByKey(YamlSequence base, YamlSequence patch, String key) {
    List<YamlNode> items = new ArrayList<>(base.items());
    for (YamlNode item : patch.items()) {
      Optional<String> id = keyOf(item, key);
      int at = -1;
      for (int i = 0; i < items.size() && id.isPresent(); i++) {
        if (keyOf(items.get(i), key).equals(id)) {
          at = i;
        }
      }
      if (at < 0) {
        items.add(item);
      } else if (item instanceof YamlMapping m
          && directive(m).filter("delete"::equals).isPresent()) {
        items.remove(at);
      } else {
        items.set(at, merge(items.get(at), item, false));
      }
    }
    return new YamlSequence(items, base.flow(), base.range());
  }

  private static Optional<String> keyOf(YamlNode item, String key) {
    return item instanceof YamlMapping m
        ? m.get(key).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).value())
        : Optional.empty();
  }

  /** The segments of a JSON pointer, unescaped. */
  static List<String> pointer(String path) {
    List<String> result = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      result.add(part.replace("~1", "/").replace("~0", "~"));
    }
    if (!result.isEmpty() && result.get(0).isEmpty()) {
      result.remove(0);
    }
    return result;
  }

  private static Optional<YamlNode> set(
      YamlNode node, List<String> path, int index, YamlNode value, boolean add) {
    if (index == path.size()) {
      return Optional.of(value);
    }
    String segment = path.get(index);
    boolean last = index == path.size() - 1;
    if (node instanceof YamlMapping m) {
      Optional<YamlNode> child = m.get(segment);
      if (child.isEmpty()) {
        if (!last || !add) {
          return Optional.empty();
        }
        return Optional.of(YamlNodes.with(m, segment, value));
      }
      return set(child.get(), path, index + 1, value, add).map(v -> YamlNodes.with(m, segment, v));
    }
    if (node instanceof YamlSequence s) {
      List<YamlNode> items = new ArrayList<>(s.items());
      if (segment.equals("-")) {
        if (!last) {
          return Optional.empty();
        }
        items.add(value);
        return Optional.of(new YamlSequence(items, s.flow(), s.range()));
      }
      int at;
      try {
        at = Integer.parseInt(segment);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (at < 0 || at > items.size() || (at == items.size() && !(last && add))) {
        return Optional.empty();
      }
      if (last && add) {
        items.add(at, value);
      } else {
        Optional<YamlNode> inner = set(items.get(at), path, index + 1, value, add);
        if (inner.isEmpty()) {
          return Optional.empty();
        }
        items.set(at, inner.get());
      }
      return Optional.of(new YamlSequence(items, s.flow(), s.range()));
    }
    return Optional.empty();
  }

  private static Optional<YamlNode> remove(YamlNode node, List<String> path, int index) {
    if (index >= path.size()) {
      return Optional.empty();
    }
    String segment = path.get(index);
    boolean last = index == path.size() - 1;
    if (node instanceof YamlMapping m) {
      Optional<YamlNode> child = m.get(segment);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      if (last) {
        return Optional.of(YamlNodes.without(m, segment));
      }
      return remove(child.get(), path, index + 1).map(v -> YamlNodes.with(m, segment, v));
    }
    if (node instanceof YamlSequence s) {
      int at;
      try {
        at = Integer.parseInt(segment);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (at < 0 || at >= s.items().size()) {
        return Optional.empty();
      }
      List<YamlNode> items = new ArrayList<>(s.items());
      if (last) {
        items.remove(at);
      } else {
        Optional<YamlNode> inner = remove(items.get(at), path, index + 1);
        if (inner.isEmpty()) {
          return Optional.empty();
        }
        items.set(at, inner.get());
      }
      return Optional.of(new YamlSequence(items, s.flow(), s.range()));
    }
    return Optional.empty();
  }
}
