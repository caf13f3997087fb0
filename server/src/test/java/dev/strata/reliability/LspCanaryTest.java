package dev.strata.reliability;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.strata.lsp.features.DependencyGraphs;
import dev.strata.lsp.features.SecretsInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary repository of {@link CanaryTest} through the language server: every file open, and
 * hover, completion, definition and references at several places of every line, code lens, symbols,
 * code actions on every diagnostic and on whole files, Strata's own requests, the published
 * diagnostics, the client's log and the server's standard error. No canary may appear in any of it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LspCanaryTest {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  @TempDir Path root;

  @Test
  void noServerOutputNamesACanary() throws Exception {
    CanaryTest canaries = new CanaryTest();
    canaries.root = root;
    canaries.repositoryFullOfSecrets();
    List<String> paths;
    try (var walk = Files.walk(root)) {
      paths =
          walk.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    try (LspHarness lsp = LspHarness.start(root)) {
      lsp.awaitShown(lsp.expected(Analyses.check(root)));
      List<CompletableFuture<?>> answers = new ArrayList<>();
      TextDocumentService documents = lsp.server.getTextDocumentService();
      for (String path : paths) {
        String text = Files.readString(root.resolve(path));
        lsp.open(path, text);
        TextDocumentIdentifier document = new TextDocumentIdentifier(lsp.uri(path));
        answers.add(documents.codeLens(new CodeLensParams(document)));
        answers.add(documents.documentSymbol(new DocumentSymbolParams(document)));
        List<String> lines = text.lines().toList();
        for (int line = 0; line < lines.size(); line++) {
          String content = lines.get(line);
          for (int character : columns(content)) {
            Position position = new Position(line, character);
            answers.add(documents.hover(new HoverParams(document, position)));
            answers.add(documents.completion(new CompletionParams(document, position)));
            answers.add(documents.definition(new DefinitionParams(document, position)));
            answers.add(
                documents.references(
                    new ReferenceParams(document, position, new ReferenceContext(true))));
          }
        }
        answers.add(
            documents.codeAction(
                new CodeActionParams(
                    document,
                    LspHarness.range(0, 0, lines.size(), 0),
                    new CodeActionContext(List.of()))));
        DependencyGraphs.Params graph = new DependencyGraphs.Params();
        graph.uri = lsp.uri(path);
        answers.add(lsp.server.dependencyGraph(graph));
        SecretsInventory.Params secrets = new SecretsInventory.Params();
        secrets.uri = lsp.uri(path);
        answers.add(lsp.server.secrets(secrets));
      }
      lsp.awaitShown(lsp.expected(Analyses.check(root)));
      for (var entry : lsp.client.latest.entrySet()) {
        TextDocumentIdentifier document = new TextDocumentIdentifier(entry.getKey());
        for (Diagnostic diagnostic : entry.getValue()) {
          answers.add(
              documents.codeAction(
                  new CodeActionParams(
                      document,
                      diagnostic.getRange(),
                      new CodeActionContext(List.of(diagnostic)))));
        }
      }
      answers.add(lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("")));
      answers.add(lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("canary")));
      StringBuilder everything = new StringBuilder();
      int answered = 0;
      for (CompletableFuture<?> answer : answers) {
        Object value = answer.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        everything.append(GSON.toJson(value)).append('\n');
        answered += value == null ? 0 : 1;
      }
      everything.append(GSON.toJson(lsp.client.published)).append('\n');
      everything.append(String.join("\n", lsp.client.messages)).append('\n');
      everything.append(lsp.stderr());
      CanaryTest.assertNoCanary(everything.toString());
      Figures.record(
          "canaries through the server",
          answers.size()
              + " requests ("
              + answered
              + " with an answer), "
              + lsp.client.published.size()
              + " diagnostics notifications, "
              + count(everything, "\"title\"")
              + " code action and lens titles, "
              + count(everything, "\"newText\"")
              + " text edits, "
              + everything.length()
              + " characters of output searched");
    }
  }

  private static int count(CharSequence text, String needle) {
    return text.toString().split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  /** The start of the line, the key, just after the colon, the middle and the end of the value. */
  private static List<Integer> columns(String line) {
    int indent = line.length() - line.stripLeading().length();
    int colon = line.indexOf(':');
    List<Integer> result =
        new ArrayList<>(List.of(0, indent, line.length(), (indent + line.length()) / 2));
    if (colon >= 0) {
      result.add(Math.min(line.length(), colon + 2));
      result.add((colon + line.length()) / 2 + 1);
    }
    return result.stream().map(c -> Math.min(c, line.length())).distinct().toList();
  }
}
