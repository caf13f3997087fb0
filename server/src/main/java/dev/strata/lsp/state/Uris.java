package dev.strata.lsp.state;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File URIs in one spelling. Clients escape differently ({@code %3A}, trailing slashes); the server
 * keys its maps by the form {@link Path#toUri()} produces, which is also what it sends back.
 */
public final class Uris {
  private Uris() {}

  public static Optional<Path> path(String uri) {
    try {
      return Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  public static String canonical(String uri) {
    return path(uri).map(p -> p.toUri().toString()).orElse(uri);
  }
}
