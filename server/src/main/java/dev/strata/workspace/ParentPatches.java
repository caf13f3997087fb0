package dev.strata.workspace;

import dev.strata.model.Decryption;
import dev.strata.model.FluxKustomization;
import dev.strata.model.ManifestReader;
import dev.strata.model.ObjectReference;
import dev.strata.model.Patch;
import dev.strata.model.PatchTarget;
import dev.strata.model.PostBuild;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies the patches that reach a child Kustomization, its parent's {@code spec.patches} and those
 * of the kustomize overlays that list it, for the fields Strata reads: {@code spec.decryption} and
 * {@code spec.postBuild}. Strategic-merge and JSON 6902 patches are both understood; targets match
 * by group, kind, name, namespace and label selector.
 */
final class ParentPatches {
  private static final String KIND = "Kustomization";

  private final Optional<AppliedKustomization> parent;
  private final List<SourcedPatch> overlayPatches;
  private final Applied child;

  ParentPatches(
      Optional<AppliedKustomization> parent, List<SourcedPatch> overlayPatches, Applied child) {
    this.parent = parent;
    this.overlayPatches = overlayPatches;
    this.child = child;
  }

  /**
   * The patches that reach the child, in the order they apply: the enclosing kustomize overlays'
   * (innermost first, as kustomize builds), then the parent's {@code spec.patches}, which Flux adds
   * to the top of its build.
   */
  private List<SourcedPatch> patches() {
    List<SourcedPatch> result = new ArrayList<>();
    for (int i = overlayPatches.size() - 1; i >= 0; i--) {
      result.add(overlayPatches.get(i));
    }
    parent.ifPresent(
        p ->
            p.kustomization()
                .patches()
                .forEach(patch -> result.add(new SourcedPatch(patch, p.applied().file()))));
    return result;
  }

  Patched apply(FluxKustomization kustomization) {
    Optional<Decryption> decryption = kustomization.decryption();
    Optional<Origin> origin = decryption.map(d -> new Origin(child.file(), d.range()));
    PostBuild postBuild = kustomization.postBuild();
    for (SourcedPatch sourced : patches()) {
      Patch patch = sourced.patch();
      if (!targets(patch)) {
        continue;
      }
      Origin patchOrigin = sourced.origin();
      if (patch.merge().isPresent()) {
        YamlMapping body = patch.merge().get();
        Optional<Decryption> patched = ManifestReader.decryption(body);
        if (patched.isPresent()) {
          decryption = patched;
          origin = Optional.of(patchOrigin);
        }
        postBuild = merge(postBuild, ManifestReader.postBuild(body));
      }
      for (Patch.JsonPatchOperation operation : patch.operations()) {
        if (!operation.op().equals("add") && !operation.op().equals("replace")) {
          continue;
        }
        String path = operation.path();
        Optional<YamlMapping> value =
            operation.value().filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
        if (path.equals("/spec/decryption") && value.isPresent()) {
          decryption = Optional.of(ManifestReader.decryptionValue(value.get()));
          origin = Optional.of(patchOrigin);
        } else if (path.equals("/spec/postBuild") && value.isPresent()) {
          postBuild = merge(postBuild, ManifestReader.postBuildValue(value.get()));
        } else if (path.startsWith("/spec/postBuild/substitute/")
            && operation.value().filter(YamlScalar.class::isInstance).isPresent()) {
          Map<String, String> one =
              Map.of(
                  path.substring("/spec/postBuild/substitute/".length()),
                  ((YamlScalar) operation.value().get()).value());
          postBuild = merge(postBuild, new PostBuild(true, one, List.of()));
        } else if (path.startsWith("/spec/postBuild/substituteFrom") && value.isPresent()) {
          Optional<ObjectReference> reference = ManifestReader.reference(value.get());
          if (reference.isPresent()) {
            postBuild = merge(postBuild, new PostBuild(true, Map.of(), List.of(reference.get())));
          }
        }
      }
    }
    return new Patched(decryption, origin, postBuild);
  }

  /**
   * Patches merge maps key by key; lists are kept from both sides, which can only make fewer
   * variables look unknown.
   */
  private static PostBuild merge(PostBuild base, PostBuild patch) {
    if (!patch.present()) {
      return base;
    }
    Map<String, String> substitute = new LinkedHashMap<>(base.substitute());
    substitute.putAll(patch.substitute());
    List<ObjectReference> from = new ArrayList<>(base.substituteFrom());
    from.addAll(patch.substituteFrom());
    return new PostBuild(true, substitute, from);
  }

  private boolean targets(Patch patch) {
    PatchTarget target = patch.target();
    if (target.equals(PatchTarget.ANY)) {
      return patch.merge().map(this::namesChild).orElse(false);
    }
    return target.kind().map(KIND::equals).orElse(true)
        && target.group().map(FluxKustomization.GROUP::equals).orElse(true)
        && target.name().map(n -> matches(n, child.id().name())).orElse(true)
        && target.namespace().map(n -> matches(n, child.id().namespace())).orElse(true)
        && target.labelSelector().map(s -> selects(s, child.meta().labels())).orElse(true)
        && target
            .annotationSelector()
            .map(s -> selects(s, child.meta().annotations()))
            .orElse(true);
  }

  /** A patch without target applies to the object its own kind and name designate. */
  private boolean namesChild(YamlMapping body) {
    Optional<String> kind =
        body.get("kind").filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).value());
    Optional<String> name =
        body.get("metadata")
            .filter(YamlMapping.class::isInstance)
            .flatMap(m -> ((YamlMapping) m).get("name"))
            .filter(YamlScalar.class::isInstance)
            .map(n -> ((YamlScalar) n).value());
    return kind.map(KIND::equals).orElse(false)
        && name.map(child.id().name()::equals).orElse(false);
  }

  private static boolean matches(String regex, String value) {
    try {
      return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
    } catch (PatternSyntaxException e) {
      return regex.equals(value);
    }
  }

  /**
   * Equality-based label selectors ({@code a=b,c!=d,e,!f}); set-based terms are accepted as
   * matching.
   */
  static boolean selects(String selector, Map<String, String> labels) {
    for (String raw : selector.split(",")) {
      String term = raw.trim();
      if (term.isEmpty() || term.contains(" in ") || term.contains(" notin ")) {
        continue;
      }
      if (term.contains("!=")) {
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
        if (labels.containsKey(term.substring(1))) {
          return false;
        }
      } else if (!labels.containsKey(term)) {
        return false;
      }
    }
    return true;
  }
}
