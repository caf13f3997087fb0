package dev.strata.workspace;

import java.util.Locale;
import java.util.Optional;

/**
 * Repository and registry addresses reduced to one comparable form: no scheme, no user, no port, no
 * {@code .git} suffix, no trailing slash, lower case; {@code git@host:org/repo} becomes {@code
 * host/org/repo}. Two sources with one form fetch the same repository.
 */
final class SourceUrl {
  private SourceUrl() {}

  static Optional<String> normalize(String url) {
    String text = url.strip();
    if (text.isEmpty() || text.contains("${") || text.contains("$(")) {
      return Optional.empty();
    }
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    } else if (text.matches("^[^/@]+@[^/:]+:.*")) {
      text = text.replaceFirst(":", "/");
    }
    int at = text.indexOf('@');
    int slash = text.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      text = text.substring(at + 1);
    }
    slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    String path = slash < 0 ? "" : text.substring(slash);
    host = host.replaceFirst(":\\d+$", "");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    return Optional.of((host + path).toLowerCase(Locale.ROOT));
  }

  /**
   * An OCI reference without its tag or digest: {@code ghcr.io/org/app:v1} is {@code
   * ghcr.io/org/app}.
   */
  static Optional<String> withoutTag(String reference) {
    String text = reference;
    int digest = text.indexOf('@', text.indexOf("://") + 3);
    if (digest > 0 && text.lastIndexOf('/') < digest) {
      text = text.substring(0, digest);
    }
    int colon = text.lastIndexOf(':');
    if (colon > text.lastIndexOf('/') && colon > text.indexOf("://") + 2) {
      text = text.substring(0, colon);
    }
    return normalize(text);
  }
}
