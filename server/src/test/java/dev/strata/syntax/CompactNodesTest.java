package dev.strata.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.model.Located;
import dev.strata.text.Range;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Scalars, mappings and located values keep their range as ints, with a scalar's style and a
 * mapping's flow flag packed beside the end column: what goes in comes out, and equality is that of
 * a record of the same components.
 */
class CompactNodesTest {
  private static Range range(int a, int b, int c, int d) {
    return Range.of(a, b, a + c, d);
  }

  @Property
  void aScalarGivesBackWhatItWasMadeOf(
      @ForAll String value,
      @ForAll YamlScalar.Style style,
      @ForAll @IntRange(max = 1 << 20) int line,
      @ForAll @IntRange(max = YamlScalar.MAX_COLUMN) int start,
      @ForAll @IntRange(max = 1000) int lines,
      @ForAll @IntRange(max = YamlScalar.MAX_COLUMN) int end) {
    Range range = range(line, start, lines, end);
    YamlScalar scalar = new YamlScalar(value, style, range);
    assertEquals(value, scalar.value());
    assertEquals(style, scalar.style());
    assertEquals(range, scalar.range());
    YamlScalar same = new YamlScalar(value, style, range);
    assertEquals(same, scalar);
    assertEquals(same.hashCode(), scalar.hashCode());
  }

  @Property
  void scalarsDifferingInOneComponentDiffer(
      @ForAll YamlScalar.Style style,
      @ForAll YamlScalar.Style other,
      @ForAll @IntRange(max = 1 << 20) int line,
      @ForAll @IntRange(max = YamlScalar.MAX_COLUMN) int end) {
    Range range = range(line, 0, 0, end);
    YamlScalar scalar = new YamlScalar("v", style, range);
    if (style != other) {
      assertNotEquals(scalar, new YamlScalar("v", other, range));
    }
    assertNotEquals(scalar, new YamlScalar("w", style, range));
    assertNotEquals(scalar, new YamlScalar("v", style, range(line + 1, 0, 0, end)));
  }

  @Test
  void aColumnPastTheLimitIsKeptAsTheLimit() {
    YamlScalar scalar =
        new YamlScalar("v", YamlScalar.Style.FOLDED, Range.of(0, 0, 0, Integer.MAX_VALUE));
    assertEquals(YamlScalar.MAX_COLUMN, scalar.range().endCharacter());
    assertEquals(YamlScalar.Style.FOLDED, scalar.style());
  }

  @Property
  void aMappingKeepsItsFlowFlagBesideItsRange(
      @ForAll boolean flow,
      @ForAll @IntRange(max = 1 << 20) int line,
      @ForAll @IntRange(max = Integer.MAX_VALUE - 1) int end) {
    Range range = range(line, 0, 3, end);
    YamlScalar key = new YamlScalar("k", YamlScalar.Style.PLAIN, range);
    List<YamlMapping.Entry> entries = List.of(new YamlMapping.Entry(key, key));
    YamlMapping mapping = new YamlMapping(entries, flow, range);
    assertEquals(flow, mapping.flow());
    assertEquals(range, mapping.range());
    assertEquals(entries, mapping.entries());
    assertEquals(new YamlMapping(entries, flow, range), mapping);
    assertEquals(new YamlMapping(entries, flow, range).hashCode(), mapping.hashCode());
    assertNotEquals(new YamlMapping(entries, !flow, range), mapping);
  }

  @Property
  void aLocatedValueKeepsItsRange(
      @ForAll String value,
      @ForAll @IntRange(max = 1 << 20) int line,
      @ForAll @IntRange(max = Integer.MAX_VALUE - 1) int end) {
    Range range = range(line, 1, 0, end);
    Located<String> located = Located.of(value, range);
    assertEquals(value, located.value());
    assertEquals(range, located.range());
    assertEquals(Located.of(value, range), located);
    assertEquals(Located.of(value, range).hashCode(), located.hashCode());
    assertNotEquals(Located.of(value + "x", range), located);
    assertEquals(range, located.map(String::length).range());
  }
}
