package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.strata.lsp.StrataExtensions;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the server advertises, and every request of its protocol extensions, sent with
 * params missing, with required fields missing and with fields of the wrong JSON type, is answered
 * with InvalidParams (-32602), never an internal error; the session goes on. The requests come from
 * the capabilities the server answers to initialize, so that a new capability without a row here
 * fails this test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LspInvalidParamsTest {
  private static final int INVALID_PARAMS = -32602;

  /** The shape of a request's params, which decides what can be left out or mistyped. */
  private enum Shape {
    POSITION,
    DOCUMENT,
    RANGE,
    QUERY,
    OPTIONAL_URI
  }

  /** Capabilities that announce requests, and the requests each one announces. */
  private static final Map<String, Map<String, Shape>> REQUESTS =
      Map.of(
          "hoverProvider", Map.of("textDocument/hover", Shape.POSITION),
          "definitionProvider", Map.of("textDocument/definition", Shape.POSITION),
          "referencesProvider", Map.of("textDocument/references", Shape.POSITION),
          "completionProvider", Map.of("textDocument/completion", Shape.POSITION),
          "renameProvider",
              Map.of(
                  "textDocument/rename", Shape.POSITION,
                  "textDocument/prepareRename", Shape.POSITION),
          "documentSymbolProvider", Map.of("textDocument/documentSymbol", Shape.DOCUMENT),
          "codeLensProvider", Map.of("textDocument/codeLens", Shape.DOCUMENT),
          "codeActionProvider", Map.of("textDocument/codeAction", Shape.RANGE),
          "workspaceSymbolProvider", Map.of("workspace/symbol", Shape.QUERY));

  /** Capabilities that announce notifications only. */
  private static final Set<String> NOTIFICATIONS = Set.of("textDocumentSync", "workspace");

  @TempDir Path root;

  @Test
  void answersInvalidParamsToEveryMalformedRequest() throws Exception {
    Disk.writeAll(root, FuzzRepository.base());
    String uri = root.toRealPath().resolve("clusters/prod/apps.yaml").toUri().toString();
    try (RawLsp raw = new RawLsp()) {
      raw.request(
          1,
          "initialize",
          "{\"processId\":null,\"rootUri\":\""
              + root.toRealPath().toUri()
              + "\",\"capabilities\":{},\"initializationOptions\":{\"debounceMs\":0}}");
      JsonObject capabilities =
          raw.response(1).getAsJsonObject("result").getAsJsonObject("capabilities");
      raw.notify("initialized", "{}");
      Map<String, Shape> requests = advertised(capabilities);
      requests.putAll(extensions());
      int id = 100;
      List<String> wrong = new ArrayList<>();
      int sent = 0;
      for (Map.Entry<String, Shape> request : requests.entrySet()) {
        for (String params : malformed(request.getValue(), uri)) {
          raw.request(++id, request.getKey(), params);
          JsonObject response = raw.response(id);
          sent++;
          if (code(response) != INVALID_PARAMS) {
            wrong.add(request.getKey() + " " + params + " -> " + response);
          }
        }
      }
      assertEquals(List.of(), wrong, "requests not answered with InvalidParams");
      assertTrue(sent >= 60, "malformed requests sent: " + sent);
      raw.request(
          ++id,
          "textDocument/hover",
          "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":3,\"character\":9}}");
      assertFalse(raw.response(id).has("error"), "a valid request afterwards is answered");
      Figures.record(
          "invalid params",
          sent
              + " malformed requests over "
              + requests.size()
              + " methods, each answered with -32602");
    }
  }

  @Test
  void answersMethodNotFoundToRequestsItDoesNotAnnounceAndToNotificationsWithAnId()
      throws Exception {
    Disk.writeAll(root, FuzzRepository.base());
    String uri = root.toRealPath().resolve("clusters/prod/apps.yaml").toUri().toString();
    try (RawLsp raw = new RawLsp()) {
      raw.initialize(root.toRealPath());
      Set<String> supported =
          Set.of(
              "initialize",
              "shutdown",
              "textDocument/hover",
              "textDocument/definition",
              "textDocument/references",
              "textDocument/completion",
              "textDocument/rename",
              "textDocument/prepareRename",
              "textDocument/documentSymbol",
              "textDocument/codeLens",
              "textDocument/codeAction",
              "workspace/symbol");
      int id = 100;
      List<String> wrong = new ArrayList<>();
      List<String> sent = new ArrayList<>();
      for (Class<?> service :
          List.of(
              org.eclipse.lsp4j.services.TextDocumentService.class,
              org.eclipse.lsp4j.services.WorkspaceService.class,
              org.eclipse.lsp4j.services.LanguageServer.class)) {
        JsonSegment segment = service.getAnnotation(JsonSegment.class);
        for (Method method : service.getMethods()) {
          JsonRequest request = method.getAnnotation(JsonRequest.class);
          if (request == null) {
            continue;
          }
          String name = request.value().isEmpty() ? method.getName() : request.value();
          String full =
              request.useSegment() && segment != null ? segment.value() + "/" + name : name;
          if (supported.contains(full)) {
            continue;
          }
          raw.request(
              ++id,
              full,
              "{\"textDocument\":{\"uri\":\""
                  + uri
                  + "\"},\"position\":{\"line\":3,\"character\":9}}");
          JsonObject response = raw.response(id);
          sent.add(full);
          if (code(response) != -32601 && code(response) != INVALID_PARAMS) {
            wrong.add(full + " -> " + response);
          }
        }
      }
      for (String notification :
          List.of(
              "textDocument/didOpen",
              "textDocument/didChange",
              "textDocument/didClose",
              "workspace/didChangeConfiguration",
              "initialized",
              "exit")) {
        raw.request(++id, notification, "{}");
        JsonObject response = raw.response(id);
        sent.add(notification);
        if (code(response) != -32601) {
          wrong.add(notification + " sent as a request -> " + response);
        }
      }
      assertFalse(raw.exitCode.isDone(), "exit sent as a request is not run");
      assertEquals(List.of(), wrong, "requests not refused as unknown");
      assertTrue(sent.size() >= 20, "unannounced requests sent: " + sent);
    }
  }

  /** The requests the capabilities announce; fails on a capability this test does not know. */
  private static Map<String, Shape> advertised(JsonObject capabilities) {
    Map<String, Shape> requests = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> capability : capabilities.entrySet()) {
      JsonElement value = capability.getValue();
      boolean announced =
          !value.isJsonNull()
              && !(value.isJsonPrimitive()
                  && value.getAsJsonPrimitive().isBoolean()
                  && !value.getAsBoolean());
      if (!announced || NOTIFICATIONS.contains(capability.getKey())) {
        continue;
      }
      Map<String, Shape> methods = REQUESTS.get(capability.getKey());
      assertTrue(
          methods != null,
          "the server announces " + capability.getKey() + ": add its requests to this test");
      if (value.isJsonObject() && value.getAsJsonObject().has("resolveProvider")) {
        assertFalse(
            value.getAsJsonObject().get("resolveProvider").getAsBoolean(),
            capability.getKey() + " resolves: add the resolve request to this test");
      }
      requests.putAll(methods);
    }
    assertTrue(requests.size() >= 9, "requests announced: " + requests.keySet());
    return requests;
  }

  /** The protocol extensions: every {@code @JsonRequest} of {@link StrataExtensions}. */
  private static Map<String, Shape> extensions() {
    Map<String, Shape> requests = new LinkedHashMap<>();
    String segment = StrataExtensions.class.getAnnotation(JsonSegment.class).value();
    for (Method method : StrataExtensions.class.getMethods()) {
      if (method.isAnnotationPresent(JsonRequest.class)) {
        requests.put(segment + "/" + method.getName(), Shape.OPTIONAL_URI);
      }
    }
    assertEquals(2, requests.size(), "extension requests: " + requests.keySet());
    return requests;
  }

  private static List<String> malformed(Shape shape, String uri) {
    String document = "{\"uri\":\"" + uri + "\"}";
    String position = "{\"line\":3,\"character\":9}";
    List<String> params = new ArrayList<>(List.of("\"a string\"", "42", "true"));
    if (shape != Shape.OPTIONAL_URI) {
      params.add("null");
    }
    switch (shape) {
      case POSITION -> {
        params.add("{}");
        params.add("{\"position\":" + position + "}");
        params.add("{\"textDocument\":" + document + "}");
        params.add("{\"textDocument\":{},\"position\":" + position + "}");
        params.add("{\"textDocument\":\"" + uri + "\",\"position\":" + position + "}");
        params.add("{\"textDocument\":{\"uri\":{}},\"position\":" + position + "}");
        params.add("{\"textDocument\":" + document + ",\"position\":\"3:9\"}");
        params.add("{\"textDocument\":" + document + ",\"position\":{\"line\":\"three\"}}");
        params.add("{\"textDocument\":" + document + ",\"position\":[3,9]}");
      }
      case DOCUMENT, RANGE -> {
        params.add("{}");
        params.add("{\"textDocument\":{}}");
        params.add("{\"textDocument\":\"" + uri + "\"}");
        params.add("{\"textDocument\":{\"uri\":[]}}");
        if (shape == Shape.RANGE) {
          params.add("{\"textDocument\":" + document + "}");
          params.add("{\"textDocument\":" + document + ",\"range\":\"all\"}");
          params.add(
              "{\"textDocument\":"
                  + document
                  + ",\"range\":{\"start\":"
                  + position
                  + ",\"end\":"
                  + position
                  + "},\"context\":\"none\"}");
        }
      }
      case QUERY -> {
        params.add("{}");
        params.add("{\"query\":{}}");
        params.add("{\"query\":[\"a\"]}");
      }
      case OPTIONAL_URI -> {
        params.add("{\"uri\":{}}");
        params.add("{\"uri\":[1]}");
      }
    }
    return params;
  }

  private static int code(JsonObject response) {
    return response.has("error") && response.get("error").isJsonObject()
        ? response.getAsJsonObject("error").get("code").getAsInt()
        : 0;
  }
}
