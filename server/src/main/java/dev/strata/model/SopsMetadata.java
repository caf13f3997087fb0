package dev.strata.model;

import dev.strata.text.Range;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The top-level {@code sops} block of an encrypted document. Flux treats a document as encrypted
 * when this block has a {@code mac}; {@code metadataEncrypted} is true when {@code apiVersion},
 * {@code kind} or {@code metadata} values are themselves {@code ENC[...]}. {@code selection} holds
 * the block's selection rules ({@code encrypted_regex}, {@code unencrypted_suffix}, ...) by key;
 * {@code selectionRule} names the last one present.
 */
public record SopsMetadata(
    Range range,
    boolean hasMac,
    Optional<String> selectionRule,
    boolean metadataEncrypted,
    Map<String, String> selection) {
  public SopsMetadata {
    selection = Map.copyOf(selection);
  }

  /**
   * Whether SOPS treats a value at {@code path} (mapping keys from the root) as encrypted, so that
   * decryption fails on a plaintext value there: getsops/sops {@code sops.go} {@code
   * shouldBeEncrypted} (v3.13.2 L437-474), for values rather than comments. Each rule tests every
   * key of the path, regexes match anywhere in a key, and a later rule overrides an earlier one.
   */
  public boolean encrypts(List<String> path) {
    boolean encrypted = true;
    String unencryptedSuffix = selection.get("unencrypted_suffix");
    if (unencryptedSuffix != null && !unencryptedSuffix.isEmpty()) {
      encrypted = path.stream().noneMatch(p -> p.endsWith(unencryptedSuffix));
    }
    String encryptedSuffix = selection.get("encrypted_suffix");
    if (encryptedSuffix != null && !encryptedSuffix.isEmpty()) {
      encrypted = path.stream().anyMatch(p -> p.endsWith(encryptedSuffix));
    }
    String unencryptedRegex = selection.get("unencrypted_regex");
    if (unencryptedRegex != null && !unencryptedRegex.isEmpty() && any(unencryptedRegex, path)) {
      encrypted = false;
    }
    String encryptedRegex = selection.get("encrypted_regex");
    if (encryptedRegex != null && !encryptedRegex.isEmpty()) {
      encrypted = any(encryptedRegex, path);
    }
    return encrypted;
  }

  private static boolean any(String regex, List<String> path) {
    try {
      Pattern pattern = Pattern.compile(regex);
      return path.stream().anyMatch(p -> pattern.matcher(p).find());
    } catch (PatternSyntaxException e) {
      // sops ignores the error of an invalid regex: it matches nothing.
      return false;
    }
  }
}
