package dev.strata.model;

import java.util.List;
import java.util.Optional;

/** A Flux {@code HelmRelease} of group {@code helm.toolkit.fluxcd.io}. */
public record HelmRelease(
    ObjectMeta meta,
    List<DependencyRef> dependsOn,
    Optional<Located<String>> targetNamespace,
    Optional<Located<String>> chart,
    Optional<ObjectReference> chartSource,
    List<ObjectReference> valuesFrom,
    boolean suspend)
    implements Manifest {
  public static final String GROUP = "helm.toolkit.fluxcd.io";

  public HelmRelease {
    dependsOn = List.copyOf(dependsOn);
    valuesFrom = List.copyOf(valuesFrom);
  }
}
