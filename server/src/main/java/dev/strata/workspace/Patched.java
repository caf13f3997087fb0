package dev.strata.workspace;

import dev.strata.model.Decryption;
import dev.strata.model.PostBuild;
import java.util.Optional;

/**
 * The fields of a child Kustomization that its parent's patches may change, after those patches.
 */
record Patched(
    Optional<Decryption> decryption, Optional<Origin> decryptionOrigin, PostBuild postBuild) {}
