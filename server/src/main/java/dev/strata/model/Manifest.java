package dev.strata.model;

/** One Kubernetes or kustomize document, typed by what Strata needs to know of it. */
public sealed interface Manifest
    permits FluxKustomization,
        HelmRelease,
        FluxSource,
        FluxInstance,
        ResourceSet,
        ArtifactGenerator,
        KustomizeOverlay,
        SecretManifest,
        ExternalSecret,
        SecretStore,
        GenericObject {
  ObjectMeta meta();

  default String kind() {
    return meta().kind().value();
  }
}
