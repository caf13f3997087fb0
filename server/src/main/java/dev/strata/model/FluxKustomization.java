package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Flux {@code Kustomization} of group {@code kustomize.toolkit.fluxcd.io}, any served or removed
 * version. {@code waitsForAll} ({@code spec.wait}) and {@code healthChecks} decide whether its
 * Ready waits for the health of what it applies; {@code commonLabels} are {@code
 * spec.commonMetadata.labels}.
 */
public record FluxKustomization(
    ObjectMeta meta,
    Optional<Located<String>> path,
    List<DependencyRef> dependsOn,
    Optional<ObjectReference> sourceRef,
    Optional<Located<String>> targetNamespace,
    Optional<Decryption> decryption,
    PostBuild postBuild,
    List<Patch> patches,
    List<Located<String>> components,
    Optional<Located<String>> namePrefix,
    Optional<Located<String>> nameSuffix,
    boolean suspend,
    boolean waitsForAll,
    List<ObjectReference> healthChecks,
    Map<String, String> commonLabels)
    implements Manifest {
  public static final String GROUP = "kustomize.toolkit.fluxcd.io";

  public FluxKustomization {
    dependsOn = List.copyOf(dependsOn);
    patches = List.copyOf(patches);
    components = List.copyOf(components);
    healthChecks = List.copyOf(healthChecks);
    commonLabels = Map.copyOf(commonLabels);
  }
}
