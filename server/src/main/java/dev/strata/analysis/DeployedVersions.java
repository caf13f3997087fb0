package dev.strata.analysis;

import dev.strata.workspace.Cluster;
import dev.strata.workspace.Snapshot;
import java.util.Optional;

/**
 * Which Flux and which External Secrets a cluster runs, read from what the repository deploys (see
 * {@code docs/flux-semantics.md} §5.3). Empty when the repository does not say.
 */
public final class DeployedVersions {
  /** A deployed release: its version and the file and 1-based line that say so. */
  public record Release(String product, Version version, String file, int line, String evidence) {
    /** Whether this release is the given version or newer, as in {@code atLeast("2.9.0")}. */
    public boolean atLeast(String other) {
      return version.compareTo(Version.parse(other).orElseThrow()) >= 0;
    }

    /** "Flux v2.2.2 (path/file.yaml:5)". */
    public String describe() {
      return product + " " + version + " (" + file + ":" + line + ")";
    }
  }

  private final Optional<Release> flux;
  private final Optional<Release> externalSecrets;

  DeployedVersions(Optional<Release> flux, Optional<Release> externalSecrets) {
    this.flux = flux;
    this.externalSecrets = externalSecrets;
  }

  static DeployedVersions of(Cluster cluster, Snapshot snapshot) {
    return new DeployedVersions(Optional.empty(), Optional.empty());
  }

  /** The Flux distribution this cluster runs, when the repository says. */
  public Optional<Release> flux() {
    return flux;
  }

  /** The External Secrets operator (chart version = app version) this cluster runs. */
  public Optional<Release> externalSecrets() {
    return externalSecrets;
  }
}
