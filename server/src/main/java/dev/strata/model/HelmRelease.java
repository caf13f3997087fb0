package dev.strata.model;

import java.util.List;
import java.util.Optional;

/**
 * A Flux {@code HelmRelease} of group {@code helm.toolkit.fluxcd.io}. {@code waits} is false when
 * {@code spec.install.disableWait} is set: Helm then reports the release installed without waiting
 * for its workloads to be ready.
 */
public record HelmRelease(
    ObjectMeta meta,
    List<DependencyRef> dependsOn,
    Optional<Located<String>> targetNamespace,
    Optional<Located<String>> chart,
    Optional<ObjectReference> chartSource,
    List<ObjectReference> valuesFrom,
    boolean suspend,
    boolean waits)
    implements Manifest {
  public static final String GROUP = "helm.toolkit.fluxcd.io";

  public HelmRelease {
    dependsOn = List.copyOf(dependsOn);
    valuesFrom = List.copyOf(valuesFrom);
  }
}
