package dev.strata.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value holds when it holds keys or certificates, judged from its text (or the text its
 * base64 encodes, as a Secret's {@code data} does): only public material (PEM certificates and
 * public keys, SSH public keys, {@code authorized_keys} and {@code known_hosts} lines), or a
 * private key (a PEM {@code ... PRIVATE KEY} block with a body, an OpenSSH or PGP private key, an
 * age secret key), wherever it stands in the value. The body of a private key may be masked ({@code
 * x}s keep the base64 shape), so the masked text reads the same.
 */
public enum KeyMaterial {
  /** Certificates and public keys only: public by design. */
  PUBLIC,
  /** Holds a private key. */
  PRIVATE_KEY,
  /** Anything else. */
  OTHER;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)\\s*-----END \\1-----", Pattern.DOTALL);
  private static final Pattern PRIVATE_PEM =
      Pattern.compile(
          "-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----(.*?)-----END \\1-----",
          Pattern.DOTALL);
  private static final Pattern AGE = Pattern.compile("AGE-SECRET-KEY-1[0-9A-Za-z]{50,}");
  private static final Set<String> PUBLIC_PEM =
      Set.of(
          "CERTIFICATE",
          "TRUSTED CERTIFICATE",
          "X509 CRL",
          "CERTIFICATE REQUEST",
          "NEW CERTIFICATE REQUEST",
          "PUBLIC KEY",
          "RSA PUBLIC KEY",
          "PGP PUBLIC KEY BLOCK",
          "DH PARAMETERS",
          "EC PARAMETERS");
  private static final Pattern SSH_PUBLIC =
      Pattern.compile(
          "^(?:.*\\s)?(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)"
              + "|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com"
              + "|(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\\.com)"
              + "-cert-v01@openssh\\.com)\\s+AAAA[0-9A-Za-z+/]+={0,3}(?:\\s.*)?$");
  private static final Pattern BASE64 = Pattern.compile("[0-9A-Za-z+/]+={0,2}");
  private static final int MIN_BODY = 40;
  // "-----BEGIN" in base64, as a base64-encoded PEM starts.
  private static final String ENCODED_BEGIN = "LS0tLS1CRUdJTi";

  /** What {@code value} holds; {@code encoded} for base64 values such as a Secret's data. */
  public static KeyMaterial of(String value, boolean encoded) {
    String text = encoded ? decoded(value).orElse(value) : value;
    if (privateKey(text).isPresent()) {
      return PRIVATE_KEY;
    }
    return isPublic(text) ? PUBLIC : OTHER;
  }

  /**
   * The kind of the first private key in {@code text} or in the text it base64-encodes ({@code RSA
   * PRIVATE KEY}, {@code OPENSSH PRIVATE KEY}, {@code age secret key}), if it holds one.
   */
  public static Optional<String> privateKey(String text) {
    if (text.contains("PRIVATE KEY")) {
      Matcher pem = PRIVATE_PEM.matcher(text);
      while (pem.find()) {
        String body = pem.group(2).replaceAll("(?m)^[A-Za-z-]+: .*$", "");
        long base64 = body.chars().filter(c -> Character.isLetterOrDigit(c) || c == '+').count();
        if (base64 >= MIN_BODY && !body.contains("${") && !body.contains("{{")) {
          return Optional.of(pem.group(1));
        }
      }
    }
    if (text.contains("AGE-SECRET-KEY-1") && AGE.matcher(text).find()) {
      return Optional.of("age secret key");
    }
    if (text.startsWith(ENCODED_BEGIN, firstVisible(text))) {
      return decoded(text).flatMap(KeyMaterial::privateKey);
    }
    return Optional.empty();
  }

  /**
   * Only public material: every PEM block a certificate or public key and nothing else but blank or
   * comment lines, or every line an SSH public key.
   */
  static boolean isPublic(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return false;
    }
    if (trimmed.startsWith("-----BEGIN ") || trimmed.startsWith("#")) {
      Matcher pem = PEM.matcher(trimmed);
      StringBuilder outside = new StringBuilder();
      int end = 0;
      boolean any = false;
      while (pem.find()) {
        if (!PUBLIC_PEM.contains(pem.group(1))) {
          return false;
        }
        any = true;
        outside.append(trimmed, end, pem.start()).append('\n');
        end = pem.end();
      }
      outside.append(trimmed.substring(end));
      if (any && outside.toString().lines().allMatch(KeyMaterial::blankOrComment)) {
        return true;
      }
    }
    boolean any = false;
    for (String line : (Iterable<String>) trimmed.lines()::iterator) {
      if (blankOrComment(line)) {
        continue;
      }
      if (!SSH_PUBLIC.matcher(line.strip()).matches()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static int firstVisible(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean blankOrComment(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private static boolean base64OrEquals(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/'
        || c == '=';
  }

  /** What {@code \s} matches in a {@link Pattern} without flags. */
  static boolean regexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** The text a base64 value encodes, when it is base64 of text. */
  static Optional<String> decoded(String value) {
    // Most values hold a character neither base64 nor white space (SOPS's "ENC[" among them): they
    // are told apart in one scan, without the two regular expressions below.
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!base64OrEquals(c) && !regexSpace(c)) {
        return Optional.empty();
      }
    }
    return decodedByPattern(value);
  }

  /** {@link #decoded} without its first scan, which {@code KeyMaterialTest} compares. */
  static Optional<String> decodedByPattern(String value) {
    String compact = value.replaceAll("\\s+", "");
    if (compact.length() < 8 || compact.length() % 4 != 0 || !BASE64.matcher(compact).matches()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (byte b : bytes) {
      if (b < 0x09 || b == 0x7f || (b > 0x0d && b < 0x20) || b < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
  }
}
