package dev.strata.analysis;

import java.util.Locale;

/**
 * Where a Kustomization sits in the order a fresh cluster comes up. Bootstrap: must be Ready before
 * External Secrets can serve. Infrastructure: storage, certificates, databases and other platform
 * pieces (or named so in {@code .strata.yaml}). Application: everything else.
 */
public enum Layer {
  BOOTSTRAP,
  INFRASTRUCTURE,
  APPLICATION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
