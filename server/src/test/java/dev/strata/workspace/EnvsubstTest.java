package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnvsubstTest {
  /** Each reference as name, operator, required flag and offsets; a problem as its message. */
  private static String read(String text) {
    Envsubst.Parsed parsed = Envsubst.parse(text);
    String references =
        parsed.references().stream()
            .map(
                r ->
                    r.name()
                        + "["
                        + r.operator()
                        + "]"
                        + (r.required() ? "!" : "")
                        + "@"
                        + r.start()
                        + "-"
                        + r.end())
            .collect(Collectors.joining(" "));
    return references
        + parsed.problem().map(p -> " error:" + p.message() + "@" + p.start()).orElse("");
  }

  @Test
  void readsABareVariableWithItsOffsets() {
    assertEquals("DOMAIN[]!@4-13", read("www.${DOMAIN}/x"));
  }

  @Test
  void readsNoBareDollarVariable() {
    assertEquals("", read("echo $HOME and $1"));
  }

  @Test
  void treatsADoubledDollarAsALiteralDollar() {
    assertEquals("", read("$${ESCAPED}"));
    assertEquals("", read("a $$$${ESCAPED}"));
    assertEquals("ODD[]!@2-8", read("$$${ODD}"));
  }

  @Test
  void knowsTheOperatorsThatSupplyADefault() {
    for (String operator : List.of(":=", ":-", ":?", ":+", "=")) {
      assertEquals(
          "X[" + operator + "]@0-" + (8 + operator.length()),
          read("${X" + operator + "dflt}"),
          operator);
    }
  }

  @Test
  void needsTheVariableOfATransformation() {
    assertEquals("X[#]!@0-5", read("${#X}"));
    assertEquals("X[:]!@0-11", read("${X:latest}"));
    assertEquals("X[/]!@0-8", read("${X/a/b}"));
    assertEquals("X[^^]!@0-6", read("${X^^}"));
    assertEquals("X[%%]!@0-8", read("${X%%.*}"));
  }

  @Test
  void evaluatesAnExpressionNestedInADefault() {
    assertEquals("INNER[]!@9-17 OUTER[:-]@0-18", read("${OUTER:-${INNER}}"));
  }

  @Test
  void reportsWhatTheParserRejects() {
    assertEquals(" error:missing closing brace@0", read("${X-default}"));
    assertEquals(" error:unable to parse variable name@3", read("ok ${!ref}"));
    assertEquals(" error:unable to parse variable name@0", read("${{ secrets.TOKEN }}"));
    assertEquals("A[]!@0-4 error:missing closing brace@5", read("${A} ${B"));
    assertEquals(" error:unable to parse substitution within function@0", read("${X:-open"));
  }

  @Test
  void leavesTextWithoutExpressionsAlone() {
    assertEquals("", read("plain $ text {braces}"));
  }
}
