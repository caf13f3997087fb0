package dev.strata.analysis.rules;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.workspace.Applied;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what two or more Kustomizations apply as one object, after their patches and variables:
 * the fields that differ, by path. Values Strata never reads (a Secret's data, SOPS ciphertext,
 * whose random IV differs even for equal plaintext) are not compared, and a difference in a
 * Secret's data is named {@code data} alone. The ownership labels each Kustomization writes, the
 * name and namespace (equal by identity) and the {@code sops} block are left out.
 */
final class ObjectContent {
  private static final int MAX_PATHS = 4;
  private static final int DEPTH = 3;

  private ObjectContent() {}

  /** What the comparison found: the differing paths, and whether some values went unread. */
  record Comparison(Set<String> paths, boolean unread, boolean opaque) {
    boolean differs() {
      return !paths.isEmpty();
    }

    String describe() {
      if (differs()) {
        List<String> shown = paths.stream().limit(MAX_PATHS).toList();
        return "the definitions differ in "
            + String.join(", ", shown)
            + (paths.size() > shown.size() ? " and more" : "")
            + ", so the live object changes with every reconciliation of either";
      }
      if (opaque) {
        return "the definitions look identical, but a transformer Strata does not follow may change"
            + " them";
      }
      return unread
          ? "the definitions are identical apart from values Strata does not read (secret data,"
              + " SOPS ciphertext)"
          : "the definitions are identical";
    }
  }

  static Comparison compare(List<Applied> definitions) {
    Set<String> paths = new LinkedHashSet<>();
    boolean[] unread = {false};
    boolean opaque = definitions.stream().anyMatch(Applied::opaque);
    Applied first = definitions.get(0);
    for (Applied other : definitions.subList(1, definitions.size())) {
      Context context = new Context(first, other, secret(first), paths, unread);
      context.compare(body(first), body(other), "", 0);
      if (!first.labels().equals(other.labels())) {
        labels(first.labels(), other.labels(), paths);
      }
    }
    return new Comparison(paths, unread[0], opaque);
  }

  private static boolean secret(Applied applied) {
    return applied.id().kind().equals("Secret") && applied.meta().group().isEmpty();
  }

  /** The document without what identity, ownership and SOPS explain. */
  private static YamlMapping body(Applied applied) {
    YamlMapping node = applied.meta().node();
    node = dev.strata.syntax.YamlNodes.without(node, "sops");
    node = dev.strata.syntax.YamlNodes.without(node, "status");
    Optional<YamlNode> metadata = node.get("metadata");
    if (metadata.isPresent() && metadata.get() instanceof YamlMapping m) {
      YamlMapping kept = m;
      for (String key : List.of("name", "namespace", "labels", "creationTimestamp")) {
        kept = dev.strata.syntax.YamlNodes.without(kept, key);
      }
      node = dev.strata.syntax.YamlNodes.with(node, "metadata", kept);
    }
    return node;
  }

  private static void labels(Map<String, String> a, Map<String, String> b, Set<String> paths) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      if (!key.startsWith("kustomize.toolkit.fluxcd.io/")
          && !java.util.Objects.equals(a.get(key), b.get(key))) {
        paths.add("metadata.labels");
        return;
      }
    }
  }

  private record Context(
      Applied left, Applied right, boolean secret, Set<String> paths, boolean[] unread) {
    void compare(YamlNode a, YamlNode b, String path, int depth) {
      if (secret && (path.equals("data") || path.equals("stringData"))) {
        unread[0] = true;
        if (!same(a, b)) {
          paths.add("data");
        }
        return;
      }
      if (a instanceof YamlMapping ma && b instanceof YamlMapping mb) {
        Set<String> keys = new LinkedHashSet<>();
        ma.entries().forEach(e -> e.keyText().ifPresent(keys::add));
        mb.entries().forEach(e -> e.keyText().ifPresent(keys::add));
        for (String key : keys) {
          String inner = path.isEmpty() ? key : path + "." + key;
          Optional<YamlNode> va = ma.get(key);
          Optional<YamlNode> vb = mb.get(key);
          if (va.isEmpty() || vb.isEmpty()) {
            paths.add(depth < DEPTH ? inner : path);
          } else {
            compare(va.get(), vb.get(), depth + 1 < DEPTH ? inner : path, depth + 1);
          }
        }
      } else if (!same(a, b)) {
        paths.add(path);
      }
    }

    /** Structural equality of values after each side's substitution; ciphertext is unread. */
    boolean same(YamlNode a, YamlNode b) {
      if (a instanceof YamlScalar sa && b instanceof YamlScalar sb) {
        if (sa.value().startsWith("ENC[") && sb.value().startsWith("ENC[")) {
          unread[0] = true;
          return true;
        }
        return left.substituted(sa.value()).equals(right.substituted(sb.value()));
      }
      if (a instanceof YamlSequence qa && b instanceof YamlSequence qb) {
        if (qa.items().size() != qb.items().size()) {
          return false;
        }
        for (int i = 0; i < qa.items().size(); i++) {
          if (!same(qa.items().get(i), qb.items().get(i))) {
            return false;
          }
        }
        return true;
      }
      if (a instanceof YamlMapping ma && b instanceof YamlMapping mb) {
        if (ma.entries().size() != mb.entries().size()) {
          return false;
        }
        for (YamlMapping.Entry entry : ma.entries()) {
          Optional<YamlNode> other = entry.keyText().flatMap(mb::get);
          if (other.isEmpty() || !same(entry.value(), other.get())) {
            return false;
          }
        }
        return true;
      }
      return false;
    }
  }
}
