package dev.strata.workspace;

import dev.strata.model.Located;
import java.util.List;
import java.util.Optional;

/**
 * What kustomize-controller writes into the root kustomization of a Kustomization's {@code
 * spec.path} before building it: {@code targetNamespace}, {@code namePrefix} and {@code nameSuffix}
 * replace the file's own values, {@code patches} and {@code components} are appended to its own
 * (fluxcd/pkg {@code kustomize/kustomize_generator.go}, {@code WriteFile}). Components are relative
 * to {@code spec.path}. Values are substituted and keep the range of the field in the Flux
 * Kustomization's file ({@code componentsFile}), so that what they change can point back there.
 */
record FluxOverrides(
    Optional<Located<String>> namespace,
    Optional<Located<String>> prefix,
    Optional<Located<String>> suffix,
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
