package dev.strata.model;

import dev.strata.text.Range;
import java.util.Optional;

/**
 * The top-level {@code sops} block of an encrypted document. Flux treats a document as encrypted
 * when this block has a {@code mac}; {@code metadataEncrypted} is true when {@code apiVersion},
 * {@code kind} or {@code metadata} values are themselves {@code ENC[...]}, which kustomize cannot
 * read.
 */
public record SopsMetadata(
    Range range, boolean hasMac, Optional<String> selectionRule, boolean metadataEncrypted) {}
