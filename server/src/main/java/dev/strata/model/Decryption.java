package dev.strata.model;

import dev.strata.text.Range;
import java.util.Optional;

/** A Flux Kustomization's {@code spec.decryption}. */
public record Decryption(
    Optional<Located<String>> provider, Optional<Located<String>> secretRef, Range range) {

  public boolean isSops() {
    return provider.map(p -> p.value().equals("sops")).orElse(false);
  }
}
