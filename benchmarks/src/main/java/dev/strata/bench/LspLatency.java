package dev.strata.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Edit-to-diagnostics latency through the language server; needs {@code dev.strata.lsp}. */
final class LspLatency {
  private LspLatency() {}

  static void report(Path root, List<EditLatency.Edit> edits, int count, PrintStream out, Row row) {
    out.printf("edit -> publishDiagnostics (LSP)  not measured: the language server (dev.strata.lsp) is not on this branch yet%n");
  }
}
