package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of incremental sync: one server for the whole run; each input opens a
 * file of Flux objects and sends a sequence of {@code didChange} edits (ranged edits at offsets the
 * input picks, whole-text replacements, and ranges out of bounds or reversed, after which the whole
 * text is sent again), while the test applies the same edits to its own copy. The server's symbols
 * for the edited document must then equal those of its text opened fresh, every request must be
 * answered within 10 s, and the server must not end.
 */
class LspEditFuzzTest {
  private static final String EDITED = "apps/edited/fuzz.yaml";
  private static final String FRESH = "apps/fresh/fuzz.yaml";
  private static final List<String> SNIPPETS =
      List.of(
          "\n",
          "\r\n",
          "  ",
          "\t",
          "---\n",
          "dependsOn:\n    - name: infra\n",
          "name: ",
          "kind: Kustomization\n",
          "apiVersion: kustomize.toolkit.fluxcd.io/v1\n",
          "metadata:\n  name: x\n",
          "[",
          "{",
          "'",
          "\"",
          "#",
          "é",
          "\uD83D\uDE00",
          "${VAR}",
          "&a ",
          "*a",
          "ENC[AES256_GCM,data:x]");
  private static LspHarness harness;
  private static int version;

  @FuzzTest
  void edits(FuzzedDataProvider data) throws Exception {
    LspHarness lsp = harness();
    String text =
        FuzzRepository.base().get("clusters/prod/apps.yaml")
            + "---\n"
            + FuzzRepository.base().get("clusters/prod/infra.yaml");
    lsp.open(EDITED, text);
    int edits = data.consumeInt(1, 40);
    for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
      int kind = data.consumeInt(0, 9);
      // A lone carriage return ends a line for LSP but not for TextEdits: random text has none.
      String insert =
          kind % 2 == 0 ? data.pickValue(SNIPPETS) : data.consumeAsciiString(24).replace('\r', ' ');
      if (kind == 8) {
        text = insert;
        lsp.change(EDITED, ++version, null, text);
      } else if (kind == 9) {
        int line = data.consumeInt(-1, 400);
        lsp.change(
            EDITED,
            ++version,
            LspHarness.range(Math.max(line, 0), data.consumeInt(0, 500), data.consumeInt(0, 3), 0),
            insert);
        lsp.change(EDITED, ++version, null, text);
      } else {
        int start = data.consumeInt(0, text.length());
        int end = data.consumeInt(start, Math.min(text.length(), start + 80));
        Range range = TextEdits.range(text, start, end);
        text = TextEdits.apply(text, range, insert);
        lsp.change(EDITED, ++version, range, insert);
      }
    }
    lsp.open(FRESH, text);
    String edited = symbols(lsp, EDITED);
    String fresh = symbols(lsp, FRESH);
    close(lsp, EDITED);
    close(lsp, FRESH);
    assertFalse(lsp.exitCode.isDone(), "the server ended");
    assertEquals(fresh, edited.replace("/edited/", "/fresh/"), "symbols after the edits");
  }

  /** Started before the first input, whose 10 s must not include the server's start. */
  @BeforeAll
  static void start() throws Exception {
    symbols(harness(), "clusters/prod/apps.yaml");
  }

  private static synchronized LspHarness harness() throws Exception {
    if (harness == null) {
      java.nio.file.Path root = java.nio.file.Files.createTempDirectory("strata-fuzz-edits");
      FuzzRepository.base().forEach((path, t) -> Disk.write(root, path, t));
      harness = LspHarness.start(root.toRealPath());
      harness.client.keepPublished = false;
    }
    return harness;
  }

  private static String symbols(LspHarness lsp, String path) throws Exception {
    return String.valueOf(
        lsp.server
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(lsp.uri(path))))
            .get(FuzzServer.HANG_SECONDS, TimeUnit.SECONDS));
  }

  private static void close(LspHarness lsp, String path) {
    lsp.server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(lsp.uri(path))));
  }
}
