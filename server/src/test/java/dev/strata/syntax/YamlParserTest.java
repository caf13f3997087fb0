package dev.strata.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.text.Range;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YamlParserTest {
  private static YamlMapping mapping(YamlFile file, int document) {
    return file.documents().get(document).mapping().orElseThrow();
  }

  private static YamlMapping.Entry entry(YamlMapping mapping, String key) {
    return mapping.entry(key).orElseThrow();
  }

  private static String value(YamlNode node) {
    return ((YamlScalar) node).value();
  }

  private static List<String> messages(YamlFile file) {
    return file.problems().stream().map(SyntaxProblem::message).collect(Collectors.toList());
  }

  @Test
  void readsKeyAndValueRanges() {
    YamlFile file = YamlParser.parse("kind: Kustomization\nspec:\n  path: ./apps\n");
    YamlMapping.Entry path =
        entry((YamlMapping) mapping(file, 0).get("spec").orElseThrow(), "path");
    assertEquals(Range.of(2, 2, 2, 6), path.key().range());
    assertEquals(Range.of(2, 8, 2, 14), path.value().range());
    assertEquals(List.of(), file.problems());
  }

  @Test
  void countsColumnsInUtf16AfterAnEmoji() {
    YamlFile file = YamlParser.parse("{\"\uD83D\uDE00\": 1, key: value}\nnext: \uD83D\uDE00 x\n");
    YamlMapping flow = (YamlMapping) file.documents().get(0).root().orElseThrow();
    assertEquals(Range.of(0, 10, 0, 13), entry(flow, "key").key().range());
    assertEquals(Range.of(0, 15, 0, 20), entry(flow, "key").value().range());
    assertEquals(Range.of(0, 0, 0, 21), flow.range());
  }

  @Test
  void countsColumnsInUtf16AfterAnEmojiInBlockStyle() {
    YamlFile file = YamlParser.parse("a: \uD83D\uDE00\uD83D\uDE00\nb: c\n");
    assertEquals(Range.of(0, 3, 0, 7), entry(mapping(file, 0), "a").value().range());
    assertEquals(Range.of(1, 3, 1, 4), entry(mapping(file, 0), "b").value().range());
  }

  @Test
  void readsScalarStylesAndFlowStyles() {
    YamlFile file =
        YamlParser.parse("a: 'x'\nb: \"y\\n\"\nc: |\n  z\nd: >\n  w\ne: [1]\nf: {g: h}\n");
    YamlMapping root = mapping(file, 0);
    assertEquals(
        YamlScalar.Style.SINGLE_QUOTED, ((YamlScalar) root.get("a").orElseThrow()).style());
    assertEquals("y\n", value(root.get("b").orElseThrow()));
    assertEquals(YamlScalar.Style.LITERAL, ((YamlScalar) root.get("c").orElseThrow()).style());
    assertEquals(YamlScalar.Style.FOLDED, ((YamlScalar) root.get("d").orElseThrow()).style());
    assertTrue(((YamlSequence) root.get("e").orElseThrow()).flow());
    assertTrue(((YamlMapping) root.get("f").orElseThrow()).flow());
    assertFalse(root.flow());
  }

  @Test
  void endsABlockCollectionAtItsLastChild() {
    YamlFile file = YamlParser.parse("a:\n  b: 1\n\n# comment\nc: 2\n");
    assertEquals(Range.of(1, 2, 1, 6), mapping(file, 0).get("a").orElseThrow().range());
  }

  @Test
  void resumesAtTheNextDocumentAfterABadOne() {
    String text = "a: 1\n---\nb: : bad\nstill: bad\n---\nc: 3\n---\nd: 4\n";
    YamlFile file = YamlParser.parse(text);
    assertEquals(List.of("mapping values are not allowed here"), messages(file));
    assertEquals(Range.of(2, 3, 2, 3), file.problems().get(0).range());
    assertEquals(List.of(0, 2, 3), file.documents().stream().map(YamlDocument::index).toList());
    assertEquals(Range.of(5, 3, 5, 4), entry(mapping(file, 1), "c").value().range());
    assertEquals(Range.of(7, 0, 7, 1), entry(mapping(file, 2), "d").key().range());
  }

  @Test
  void resumesAtTheDocumentThatInterruptsAnUnclosedFlow() {
    YamlFile file = YamlParser.parse("a: [1, 2\n---\nb: 2\n");
    assertEquals(1, file.problems().size());
    assertEquals(List.of(1), file.documents().stream().map(YamlDocument::index).toList());
    assertEquals("2", value(mapping(file, 0).get("b").orElseThrow()));
  }

  @Test
  void reportsABadFirstLineOfADocumentOnce() {
    YamlFile file = YamlParser.parse("--- : : x\n---\nb: 2\n");
    assertEquals(1, file.problems().size());
    assertEquals("2", value(mapping(file, 0).get("b").orElseThrow()));
  }

  @Test
  void sharesTheAnchoredRecordWithItsAliases() {
    YamlFile file = YamlParser.parse("base: &b {x: 1}\none: *b\ntwo: *b\n");
    YamlMapping root = mapping(file, 0);
    assertSame(root.get("base").orElseThrow(), root.get("one").orElseThrow());
    assertSame(root.get("base").orElseThrow(), root.get("two").orElseThrow());
  }

  @Test
  void resolvesARedefinedAnchorToItsLatestDefinition() {
    YamlFile file = YamlParser.parse("a: &x first\nb: *x\nc: &x second\nd: *x\n");
    YamlMapping root = mapping(file, 0);
    assertEquals("first", value(root.get("b").orElseThrow()));
    assertEquals("second", value(root.get("d").orElseThrow()));
  }

  @Test
  void reportsAnUndefinedAlias() {
    YamlFile file = YamlParser.parse("a: *missing\nb: 2\n");
    assertEquals(List.of("undefined alias *missing"), messages(file));
    assertEquals("2", value(mapping(file, 0).get("b").orElseThrow()));
  }

  @Test
  void reportsARecursiveAliasWithoutLooping() {
    YamlFile file = YamlParser.parse("a: &r [1, *r]\n");
    assertEquals(List.of("alias refers to the node that contains it: *r"), messages(file));
    assertEquals(2, ((YamlSequence) mapping(file, 0).get("a").orElseThrow()).items().size());
  }

  @Test
  void boundsABillionLaughs() {
    StringBuilder text =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level < 10; level++) {
      String previous = "*a" + (level - 1);
      text.append("a")
          .append(level)
          .append(": &a")
          .append(level)
          .append(" [")
          .append(String.join(", ", Collections.nCopies(10, previous)))
          .append("]\n");
    }
    YamlFile file =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlParser.parse(text.toString()));
    assertEquals(List.of("more than 1000000 nodes once aliases are expanded"), messages(file));
    assertEquals(List.of(), file.documents());
  }

  @Test
  void boundsAliasesToCollections() {
    StringBuilder text = new StringBuilder("a: &a [x]\nb:\n");
    for (int i = 0; i < 101; i++) {
      text.append("- *a\n");
    }
    YamlFile file = YamlParser.parse(text.toString());
    assertEquals(List.of("more than 100 aliases to collections"), messages(file));
  }

  @Test
  void reportsDeepFlowNestingWithoutOverflow() {
    String text = "a: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n---\nb: 1\n";
    YamlFile file = YamlParser.parse(text);
    assertEquals(List.of("nesting deeper than 1000 levels"), messages(file));
    assertEquals(Range.of(0, 1002, 0, 1002), file.problems().get(0).range());
    assertEquals(List.of(1), file.documents().stream().map(YamlDocument::index).toList());
  }

  @Test
  void reportsDeepBlockNestingWithoutOverflow() {
    YamlFile file = YamlParser.parse("- ".repeat(5_000) + "x\n");
    assertEquals(List.of("nesting deeper than 1000 levels"), messages(file));
  }

  @Test
  void keepsDuplicateKeysInOrderAndReportsTheSecond() {
    YamlFile file = YamlParser.parse("x: 1\ny: 2\nx: 3\n");
    YamlMapping root = mapping(file, 0);
    List<String> keys = root.entries().stream().map(e -> e.keyText().orElseThrow()).toList();
    assertEquals(List.of("x", "y", "x"), keys);
    assertEquals("1", value(root.get("x").orElseThrow()));
    assertEquals(
        List.of(new SyntaxProblem("duplicate key \"x\"", Range.of(2, 0, 2, 1))), file.problems());
  }

  @Test
  void reportsATabUsedAsIndentation() {
    YamlFile file = YamlParser.parse("a:\n\tb: 1\n");
    assertEquals(1, file.problems().size());
    assertTrue(messages(file).get(0).contains("cannot start any token"), messages(file).get(0));
    assertEquals(Range.of(1, 0, 1, 0), file.problems().get(0).range());
  }

  @Test
  void readsPositionsWithCrLfLineEndings() {
    YamlFile file = YamlParser.parse("a: 1\r\nb:\r\n  c: d\r\n");
    YamlMapping b = (YamlMapping) mapping(file, 0).get("b").orElseThrow();
    assertEquals(Range.of(2, 2, 2, 3), entry(b, "c").key().range());
    assertEquals(Range.of(2, 5, 2, 6), entry(b, "c").value().range());
  }

  @Test
  void ignoresAByteOrderMarkButCountsItsColumn() {
    YamlFile file = YamlParser.parse("\uFEFFa: 1\nb: 2\n");
    assertEquals(List.of(), file.problems());
    assertEquals(Range.of(0, 1, 0, 2), entry(mapping(file, 0), "a").key().range());
    assertEquals(Range.of(1, 0, 1, 1), entry(mapping(file, 0), "b").key().range());
  }

  @Test
  void reportsAHelmTemplateInsteadOfFailing() {
    YamlFile inline = YamlParser.parse("replicas: {{ .Values.replicas }}\n");
    assertFalse(inline.problems().isEmpty());
    YamlFile block = YamlParser.parse("{{- if .Values.enabled }}\nkind: ConfigMap\n{{- end }}\n");
    assertFalse(block.problems().isEmpty());
  }

  @Test
  void readsNoDocumentFromAnEmptyFile() {
    assertEquals(List.of(), YamlParser.parse("").documents());
    assertEquals(List.of(), YamlParser.parse("").problems());
  }

  @Test
  void readsNoDocumentFromAFileOfComments() {
    YamlFile file = YamlParser.parse("# nothing here\n# at all\n");
    assertEquals(List.of(), file.documents());
    assertEquals(List.of(), file.problems());
  }

  @Test
  void readsEmptyDocumentsWithoutRoot() {
    YamlFile file = YamlParser.parse("---\n---\n");
    assertEquals(2, file.documents().size());
    assertTrue(file.documents().stream().allMatch(d -> d.root().isEmpty()));
    assertEquals(List.of(0, 1), file.documents().stream().map(YamlDocument::index).toList());
  }

  @Test
  void resumesAfterEachOfFiveThousandBadDocumentsInLinearTime() {
    String text = ("---\nkind: : bad\n---\nkind: \u0001\n").repeat(5_000) + "---\nkind: Good\n";
    YamlFile file = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlParser.parse(text));
    assertEquals(10_000, file.problems().size());
    assertEquals(List.of(10_000), file.documents().stream().map(YamlDocument::index).toList());
    assertEquals(Range.of(20_001, 0, 20_001, 4), entry(mapping(file, 0), "kind").key().range());
  }

  @Test
  void readsFiveThousandDocuments() {
    String text = "---\nkind: ConfigMap\n".repeat(5_000);
    YamlFile file = YamlParser.parse(text);
    assertEquals(5_000, file.documents().size());
    YamlDocument last = file.documents().get(4_999);
    assertEquals(4_999, last.index());
    assertEquals(
        Range.of(9_999, 0, 9_999, 4), entry(last.mapping().orElseThrow(), "kind").key().range());
  }

  @Test
  void reportsAControlCharacterAndKeepsTheDocumentsAroundIt() {
    YamlFile file = YamlParser.parse("a: 1\n---\nb: \u0001\n---\nc: 3\n");
    assertEquals(
        List.of(new SyntaxProblem("special character U+0001 is not allowed", Range.of(2, 3, 2, 3))),
        file.problems());
    assertEquals(List.of(0, 2), file.documents().stream().map(YamlDocument::index).toList());
  }

  @Test
  void reportsALoneSurrogate() {
    YamlFile file = YamlParser.parse("a: \uD83D\n");
    assertEquals(List.of("special character U+D83D is not allowed"), messages(file));
  }

  @Test
  void countsUtf16ColumnsAfterAResync() {
    YamlFile file =
        YamlParser.parse("a: \uD83D\uDE00: bad\n---\nb: \uD83D\uDE00 \uD83D\uDE00\nc: d\n");
    assertEquals(1, file.problems().size());
    assertEquals(Range.of(2, 3, 2, 8), entry(mapping(file, 0), "b").value().range());
    assertEquals(Range.of(3, 3, 3, 4), entry(mapping(file, 0), "c").value().range());
  }

  @Test
  void endsABlockScalarOnItsLastLine() {
    YamlFile file = YamlParser.parse("a: |\n  one\n  two\nb: 1\n");
    YamlScalar literal = (YamlScalar) mapping(file, 0).get("a").orElseThrow();
    assertEquals("one\ntwo\n", literal.value());
    assertEquals(Range.of(0, 3, 2, 5), literal.range());
  }

  @Test
  void givesTheSameResultOnTwoThreads() throws Exception {
    String text =
        "---\nkind: ConfigMap\nmetadata: {name: \uD83D\uDE00, labels: {a: b}}\n".repeat(2_000);
    YamlFile expected = YamlParser.parse(text);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> YamlParser.parse(text));
      var second = pool.submit(() -> YamlParser.parse(text));
      assertEquals(expected.documents(), first.get().documents());
      assertEquals(expected.documents(), second.get().documents());
    } finally {
      pool.shutdownNow();
    }
  }
}
