package dev.strata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code KeyMaterial.decoded}'s first scan changes no answer of its regular expressions. */
class KeyMaterialTest {
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> base64 =
        Arbitraries.strings()
            .ascii()
            .ofMaxLength(24)
            .map(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII)));
    Arbitrary<String> noise =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars("+/=")
            .withChars(" \t\n\u000B\f\r\u00A0[],:")
            .ofMaxLength(12);
    return Arbitraries.oneOf(base64, noise).list().ofMaxSize(3).map(list -> String.join("", list));
  }

  @Property(tries = 3000)
  void theFirstScanRejectsOnlyWhatThePatternsReject(@ForAll("values") String value) {
    assertEquals(KeyMaterial.decodedByPattern(value), KeyMaterial.decoded(value), value);
  }
}
