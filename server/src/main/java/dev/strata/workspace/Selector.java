package dev.strata.workspace;

import dev.strata.model.PatchTarget;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * kustomize's selection of objects by a patch or replacement target: group, version, kind, name and
 * namespace are anchored regular expressions matched against the current or the original identity,
 * labels and annotations by Kubernetes selectors (kubernetes-sigs/kustomize {@code
 * api/resmap/reswrangler.go} {@code Select}, {@code api/types/selector.go}). A replacement source
 * is selected exactly instead ({@code kyaml/resid} {@code IsSelectedBy}).
 */
final class Selector {
  private Selector() {}

  static boolean selects(PatchTarget target, Emitted object, boolean regex) {
    String group = object.manifest().meta().group();
    String version = object.manifest().meta().version();
    return matches(target.group(), group, regex)
        && matches(target.version(), version, regex)
        && matches(target.kind(), object.manifest().kind(), regex)
        && (matches(target.name(), object.name(), regex)
            || matches(target.name(), object.originalName(), regex))
        && matches(target.namespace(), object.namespace().orElse(""), regex)
        && target.labelSelector().map(s -> labels(s, object.labels())).orElse(true)
        && target.annotationSelector().map(s -> labels(s, object.annotations())).orElse(true);
  }

  private static boolean matches(Optional<String> pattern, String value, boolean regex) {
    if (pattern.isEmpty() || pattern.get().isEmpty()) {
      return true;
    }
    if (!regex) {
      return pattern.get().equals(value);
    }
    try {
      return Pattern.compile("^(?:" + pattern.get() + ")$").matcher(value).matches();
    } catch (PatternSyntaxException e) {
      return pattern.get().equals(value);
    }
  }

  /**
   * A Kubernetes label selector: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a}, {@code !a},
   * {@code a in (x,y)}, {@code a notin (x,y)}, terms separated by commas outside parentheses.
   */
  static boolean labels(String selector, Map<String, String> labels) {
    for (String raw : terms(selector)) {
      String term = raw.trim();
      if (term.isEmpty()) {
        continue;
      }
      java.util.regex.Matcher set =
          Pattern.compile("^([^\\s!=]+)\\s+(in|notin)\\s+\\((.*)\\)$").matcher(term);
      if (set.matches()) {
        java.util.Set<String> values = new java.util.HashSet<>();
        for (String v : set.group(3).split(",")) {
          values.add(v.trim());
        }
        boolean in = values.contains(labels.get(set.group(1)));
        if (set.group(2).equals("in") != in) {
          return false;
        }
      } else if (term.contains("!=")) {
        String[] parts = term.split("!=", 2);
        if (parts[1].trim().equals(labels.get(parts[0].trim()))) {
          return false;
        }
      } else if (term.contains("=")) {
        String[] parts = term.split("==?", 2);
        if (!parts[1].trim().equals(labels.get(parts[0].trim()))) {
          return false;
        }
      } else if (term.startsWith("!")) {
        if (labels.containsKey(term.substring(1).trim())) {
          return false;
        }
      } else if (!labels.containsKey(term)) {
        return false;
      }
    }
    return true;
  }

  private static java.util.List<String> terms(String selector) {
    java.util.List<String> result = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        result.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    result.add(selector.substring(start));
    return result;
  }
}
