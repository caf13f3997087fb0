package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlParser;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the YAML parser: any text parses without throwing, twice to the same
 * result, with every range inside the text. {@code mvn verify} replays the committed inputs under
 * {@code ParserFuzzTestInputs}; {@code server/fuzz/campaign} fuzzes (docs/reliability.md).
 */
class ParserFuzzTest {
  @FuzzTest
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    YamlFile first = YamlParser.parse(text);
    YamlFile again = YamlParser.parse(text);
    assertEquals(first.documents(), again.documents(), "the same text, parsed again");
    assertEquals(first.problems(), again.problems(), "the same problems, parsed again");
    FuzzChecks.rangesInside(first);
  }
}
