package dev.strata.workspace;

import dev.strata.model.Decryption;
import dev.strata.model.FluxKustomization;
import dev.strata.model.PostBuild;
import java.util.Optional;

/**
 * A Flux Kustomization as its cluster sees it, after its parent's {@code spec.patches}: the folder
 * it builds, its effective decryption and variables, and whether its source lies outside this
 * repository. {@code decryptionOrigin} names the parent patch when the decryption was injected.
 */
public record AppliedKustomization(
    Applied applied,
    FluxKustomization kustomization,
    Optional<String> path,
    Optional<Decryption> decryption,
    Optional<Origin> decryptionOrigin,
    PostBuild postBuild,
    boolean external) {

  public ObjectId id() {
    return applied.id();
  }
}
