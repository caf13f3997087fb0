package dev.strata.workspace;

import dev.strata.model.Decryption;
import dev.strata.model.FluxKustomization;
import dev.strata.model.PostBuild;
import java.util.Optional;

/**
 * A Flux Kustomization as its cluster sees it, after every patch that reaches it: the folder it
 * builds, what became of its build, its source (own or another project's; empty when no document
 * defines it), its effective decryption and variables. {@code decryptionOrigin} is where the
 * decryption is written: a parent's patch when one injected it. {@code substitution} is what it
 * substitutes into the objects of its build.
 */
public record AppliedKustomization(
    Applied applied,
    FluxKustomization kustomization,
    Optional<String> path,
    BuildStatus status,
    Optional<RepositorySource> source,
    Optional<Decryption> decryption,
    Optional<Origin> decryptionOrigin,
    PostBuild postBuild,
    Substitution substitution) {

  public ObjectId id() {
    return applied.id();
  }

  /** True when its source is another project's: its content is not in this workspace. */
  public boolean external() {
    return status == BuildStatus.EXTERNAL || status == BuildStatus.UNKNOWN;
  }
}
