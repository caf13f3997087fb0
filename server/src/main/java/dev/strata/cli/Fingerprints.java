package dev.strata.cli;

import dev.strata.analysis.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code partialFingerprints} that GitHub uses to follow a result across runs: a hash of the rule,
 * the path and the text of the flagged line (trimmed), never the message, which names line numbers
 * and other files. Findings that hash alike (the same line text twice in a file) are told apart by
 * their occurrence, in output order, so that no two results share a fingerprint; an edit elsewhere
 * in the file moves the line but keeps its fingerprint.
 */
final class Fingerprints {
  static final String KEY = "strataLineHash/v1";

  private Fingerprints() {}

  /** One fingerprint per finding, in order; {@code lineText} gives a file's line, or "". */
  static List<String> of(List<Finding> findings, Function<Finding, String> lineText) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String hash =
          sha256(
                  finding.rule()
                      + "\u0000"
                      + finding.file()
                      + "\u0000"
                      + lineText.apply(finding).strip())
              .substring(0, 32);
      int occurrence = seen.merge(hash, 1, Integer::sum);
      result.add(hash + ":" + occurrence);
    }
    return result;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
