package dev.strata.model;

import java.util.Optional;

/**
 * A Flux source ({@code GitRepository}, {@code OCIRepository}, {@code HelmRepository}, {@code
 * Bucket}).
 */
public record FluxSource(ObjectMeta meta, Optional<Located<String>> secretRef) implements Manifest {
  public static final String GROUP = "source.toolkit.fluxcd.io";
}
