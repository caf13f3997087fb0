package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriPathTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "apps/web/ks.yaml        | apps/web/ks.yaml",
        "with space/ks.yaml      | with%20space/ks.yaml",
        "café/ks.yaml            | caf%C3%A9/ks.yaml",
        "brackets[1]/ks.yaml     | brackets%5B1%5D/ks.yaml",
        "100%/ks.yaml            | 100%25/ks.yaml",
        "hash#tag/ks.yaml        | hash%23tag/ks.yaml",
        "what?/ks.yaml           | what%3F/ks.yaml",
        "a:b/ks.yaml             | ./a:b/ks.yaml",
        "keep-._~!$&'()*+,;=@.yaml | keep-._~!$&'()*+,;=@.yaml",
      })
  void encodesEverySegmentAsRfc3986Says(String path, String expected) {
    UriPath uri = UriPath.of(path);
    assertEquals(expected, uri.encoded());
    assertEquals(
        path, URI.create(uri.encoded()).getPath().replaceFirst("^\\./", ""), "decodes back");
  }
}
