package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol misuse written as raw bytes: the server answers what it can, refuses the rest with an
 * error response, and keeps serving. Nothing here may end the session except exit or a closed
 * input.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LspProtocolTest {
  @TempDir Path root;

  private void smallRepository() {
    Disk.write(
        root,
        "clusters/prod/apps.yaml",
        RandomRepositories.fluxKustomization(
            "apps", "flux-system", "./apps", List.of("db"), List.of(), false, "", ""));
    Disk.write(root, "apps/kustomization.yaml", "resources:\n  - ./gone.yaml\n");
  }

  private String hover(String path, int line, int character) {
    return "{\"textDocument\":{\"uri\":\""
        + root.resolve(path).toUri()
        + "\"},\"position\":{\"line\":"
        + line
        + ",\"character\":"
        + character
        + "}}";
  }

  private static boolean isError(JsonObject response) {
    return response.has("error");
  }

  @Test
  void keepsServingAfterMalformedMessages() throws Exception {
    smallRepository();
    try (RawLsp raw = new RawLsp()) {
      raw.initialize(root);
      raw.send("{not json at all");
      raw.send("[1, 2, 3]");
      raw.send("{\"jsonrpc\":\"2.0\",\"id\":2}");
      raw.send(
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":\"a string\"}");
      raw.send(
          "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":{\"position\":{\"line\":-5,\"character\":-1}}}");
      raw.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/suchMethod\",\"params\":{}}");
      raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"no/suchNotification\",\"params\":{}}");
      raw.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.yaml\",\"version\":3},"
              + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":99,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}}");
      raw.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"not a uri\",\"version\":1,\"text\":\"a: [\"}}}");
      raw.send(
          "{\"jsonrpc\":\"2.0\",\"id\":\"\u00e9\u0000\",\"method\":\"textDocument/hover\",\"params\":null}");
      raw.bytes("Content-Type: nothing\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      raw.bytes(
          "Content-Length: 5\r\n\r\n\u00ff\u00fe\u0000{}".getBytes(StandardCharsets.ISO_8859_1));
      raw.request(6, "textDocument/hover", hover("clusters/prod/apps.yaml", 3, 9));
      assertFalse(isError(raw.response(6)), "a valid request after the garbage is answered");
      assertTrue(isError(raw.response(5)), "an unknown method gets an error response");
      raw.request(7, "shutdown", "null");
      assertFalse(isError(raw.response(7)));
      raw.notify("exit", "null");
      assertEquals(0, raw.exitCode.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void answersOrRefusesRequestsBeforeInitialize() throws Exception {
    smallRepository();
    try (RawLsp raw = new RawLsp()) {
      raw.request(1, "textDocument/hover", hover("clusters/prod/apps.yaml", 3, 9));
      raw.request(
          2,
          "textDocument/codeLens",
          "{\"textDocument\":{\"uri\":\""
              + root.resolve("clusters/prod/apps.yaml").toUri()
              + "\"}}");
      raw.notify(
          "textDocument/didOpen",
          "{\"textDocument\":{\"uri\":\""
              + root.resolve("x.yaml").toUri()
              + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":\"a: 1\"}}");
      raw.notify("workspace/didChangeConfiguration", "{\"settings\":{}}");
      assertFalse(isError(raw.response(1)), "hover before initialize answers nothing");
      assertFalse(isError(raw.response(2)), "code lens before initialize answers nothing");
      raw.request(
          3,
          "initialize",
          "{\"processId\":null,\"rootUri\":\""
              + root.toUri()
              + "\",\"capabilities\":{},\"initializationOptions\":{\"debounceMs\":0}}");
      assertFalse(isError(raw.response(3)), raw.received.toString());
      raw.notify("initialized", "{}");
      raw.await(
          m ->
              "textDocument/publishDiagnostics"
                  .equals(m.has("method") ? m.get("method").getAsString() : ""),
          "diagnostics after a late initialize");
      raw.request(4, "textDocument/hover", hover("clusters/prod/apps.yaml", 3, 9));
      assertFalse(isError(raw.response(4)));
    }
  }

  @Test
  void refusesRequestsAfterShutdownAndExitsWithZero() throws Exception {
    smallRepository();
    try (RawLsp raw = new RawLsp()) {
      raw.initialize(root);
      raw.request(2, "shutdown", "null");
      raw.response(2);
      for (String method :
          List.of(
              "textDocument/hover",
              "textDocument/definition",
              "textDocument/references",
              "textDocument/completion")) {
        raw.request(10 + method.length(), method, hover("clusters/prod/apps.yaml", 3, 9));
        assertTrue(isError(raw.response(10 + method.length())), method + " after shutdown");
      }
      raw.notify(
          "textDocument/didChange",
          "{\"textDocument\":{\"uri\":\""
              + root.resolve("clusters/prod/apps.yaml").toUri()
              + "\",\"version\":2},\"contentChanges\":[{\"text\":\"x\"}]}");
      raw.request(3, "shutdown", "null");
      raw.response(3);
      raw.notify("exit", "null");
      assertEquals(0, raw.exitCode.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void exitWithoutShutdownEndsWithOne() throws Exception {
    smallRepository();
    try (RawLsp raw = new RawLsp()) {
      raw.initialize(root);
      raw.notify("exit", "null");
      assertEquals(1, raw.exitCode.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void aClosedInputEndsTheServer() throws Exception {
    smallRepository();
    try (RawLsp raw = new RawLsp()) {
      raw.initialize(root);
      raw.closeInput();
      raw.exitCode.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
