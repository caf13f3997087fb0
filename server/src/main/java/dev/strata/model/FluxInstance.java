package dev.strata.model;

import java.util.Optional;

/**
 * A Flux Operator {@code FluxInstance}, or a HelmRelease of the {@code flux-instance} chart that
 * carries one in its values: either way, {@code syncPath} is where the cluster's root Kustomization
 * points.
 */
public record FluxInstance(ObjectMeta meta, Optional<Located<String>> syncPath)
    implements Manifest {}
