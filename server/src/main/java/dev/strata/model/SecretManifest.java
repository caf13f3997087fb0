package dev.strata.model;

import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/**
 * A core {@code v1 Secret}. Values are never kept: each key records only how its value looks, so no
 * rule or output can leak it.
 */
public record SecretManifest(ObjectMeta meta, Optional<Located<String>> type, List<SecretKey> keys)
    implements Manifest {

  public SecretManifest {
    keys = List.copyOf(keys);
  }

  /** How a value looks, judged without keeping it. */
  public enum ValueShape {
    /** {@code ENC[...]}: encrypted by SOPS. */
    ENCRYPTED,
    /**
     * Holds {@code ${VAR}} placeholders filled by Flux {@code postBuild}, or {@code {{ }}} template
     * actions.
     */
    PLACEHOLDER,
    /**
     * A reference resolved by a tool before applying ({@code op://vault/item/field}, {@code
     * ref+...}).
     */
    REFERENCE,
    /** Empty or null. */
    EMPTY,
    /** Certificates or public keys only ({@link KeyMaterial#PUBLIC}): public by design. */
    PUBLIC,
    /** A private key in the clear ({@link KeyMaterial#PRIVATE_KEY}). */
    PRIVATE_KEY,
    /** Anything else: a value committed in the clear. */
    PLAIN
  }

  /**
   * One key of {@code data} or {@code stringData}; {@code value} is the range of the value only.
   */
  public record SecretKey(Located<String> key, boolean stringData, ValueShape shape, Range value) {
    /** A secret value committed in the clear: plain text or a private key. */
    public boolean inClear() {
      return shape == ValueShape.PLAIN || shape == ValueShape.PRIVATE_KEY;
    }
  }

  public boolean hasPlainValues() {
    return keys.stream().anyMatch(SecretKey::inClear);
  }
}
