package dev.strata.workspace;

import dev.strata.model.Located;
import java.util.List;
import java.util.Optional;

/**
 * What kustomize-controller writes into the root kustomization of a Kustomization's {@code
 * spec.path} before building it: {@code targetNamespace}, {@code namePrefix} and {@code nameSuffix}
 * replace the file's own values, {@code patches} and {@code components} are appended to its own
 * (fluxcd/pkg {@code kustomize/kustomize_generator.go}, {@code WriteFile}). Components are relative
 * to {@code spec.path}.
 */
record FluxOverrides(
    Optional<String> namespace,
    Optional<String> prefix,
    Optional<String> suffix,
    List<SourcedPatch> patches,
    List<Located<String>> components,
    String componentsFile) {
  static final FluxOverrides NONE =
      new FluxOverrides(
          Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), "");

  FluxOverrides {
    patches = List.copyOf(patches);
    components = List.copyOf(components);
  }
}
