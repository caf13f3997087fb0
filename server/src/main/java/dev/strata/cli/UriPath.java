package dev.strata.cli;

import java.nio.charset.StandardCharsets;

/**
 * A repository-relative path as a relative URI reference (RFC 3986): each segment keeps the
 * unreserved characters, sub-delimiters, {@code :} and {@code @}, and everything else is
 * percent-encoded from its UTF-8 bytes, so that a space, {@code é}, {@code [}, {@code %} or {@code
 * #} in a file name survives a SARIF consumer's decoding. A first segment with a colon gets {@code
 * ./} in front, or it would read as a scheme.
 */
record UriPath(String encoded) {
  private static final String SEGMENT_SAFE = "-._~!$&'()*+,;=:@";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static UriPath of(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '/' || isSafe(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    String encoded = out.toString();
    int colon = encoded.indexOf(':');
    int slash = encoded.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      encoded = "./" + encoded;
    }
    return new UriPath(encoded);
  }

  private static boolean isSafe(int c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || SEGMENT_SAFE.indexOf(c) >= 0) && c != ' ';
  }
}
