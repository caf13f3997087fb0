package dev.strata.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.text.Position;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class YamlParserPropertiesTest {
  @Property(tries = 2_000)
  void neverThrowsOnYamlishText(
      @ForAll
          @StringLength(max = 200)
          @Chars({
            ' ', '\n', '\t', '\r', '-', ':', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '?',
            '#', '"', '\'', '%', '@', '`', '\uFEFF', '\uD83D', '\uDE00', 'a', 'b', '1'
          })
          String text) {
    assertWithinText(YamlParser.parse(text));
  }

  @Property(tries = 500)
  void neverThrowsOnArbitraryText(
      @ForAll @StringLength(max = 300) @CharRange(from = 0, to = 0xFFFF) String text) {
    assertWithinText(YamlParser.parse(text));
  }

  private static void assertWithinText(YamlFile file) {
    Position end = file.lines().position(file.text().length());
    file.problems().forEach(p -> assertTrue(p.range().end().compareTo(end) <= 0, p.toString()));
    file.documents()
        .forEach(d -> assertTrue(d.range().end().compareTo(end) <= 0, d.range().toString()));
  }
}
