package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class NameSuggestionsTest {
  /** The bounded comparison agrees with the full edit distance, whatever the limit. */
  @Property(tries = 2000)
  void withinAgreesWithTheDistance(
      @ForAll @StringLength(max = 12) @Chars({'a', 'b', 'c', '-'}) String a,
      @ForAll @StringLength(max = 12) @Chars({'a', 'b', 'c', '-'}) String b,
      @ForAll @IntRange(max = 4) int limit) {
    assertEquals(
        NameSuggestions.distance(a, b) <= limit, NameSuggestions.within(a, b, limit), a + " " + b);
  }
}
