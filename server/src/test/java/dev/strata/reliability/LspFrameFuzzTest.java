package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the language server's message handling: the input is the body of one
 * JSON-RPC frame ({@code $ROOT} stands for the workspace folder's URI), sent to one server that
 * lives for the whole run. After each input the server must still answer a hover within 10 s, must
 * have answered the input itself when it was a request with a usable id, and must never have
 * answered with an internal error (-32603). Messages that end the session or change what it reads
 * from disk ({@code exit}, {@code shutdown}, {@code initialize}, workspace folders) are left out:
 * they are the client's to send, and the protocol tests cover them.
 */
class LspFrameFuzzTest {
  private static final Set<String> LEFT_OUT = Set.of("exit", "shutdown", "initialize", "Folders");
  private static FuzzServer server;

  @FuzzTest
  void frame(byte[] input) throws Exception {
    String body = new String(input, StandardCharsets.UTF_8);
    Optional<JsonElement> json = lenient(body);
    if (LEFT_OUT.stream().anyMatch(body::contains)
        || json.map(LspFrameFuzzTest::mentionsLeftOut).orElse(false)) {
      return;
    }
    FuzzServer lsp = server();
    lsp.send(body.replace("$ROOT", lsp.rootUri()).getBytes(StandardCharsets.UTF_8));
    List<JsonObject> seen = new ArrayList<>();
    Optional<String> id =
        strict(body) ? json.flatMap(LspFrameFuzzTest::requestId) : Optional.empty();
    if (id.isPresent()) {
      seen.addAll(lsp.await(m -> FuzzServer.isResponse(m, id.get()), "the answer to the input"));
    }
    seen.addAll(lsp.sync());
    assertFalse(lsp.exitCode.isDone(), "the server ended");
    for (JsonObject message : seen) {
      assertFalse(internalError(message), () -> "internal error: " + message + lsp.stderr());
    }
  }

  /**
   * Started before the first input, so that the server's start, slowed by Jazzer's instrumentation,
   * does not count against the first input's 10 s.
   */
  @BeforeAll
  static void start() throws Exception {
    server();
  }

  private static synchronized FuzzServer server() throws Exception {
    if (server == null) {
      server = FuzzServer.start();
      server.sync();
    }
    return server;
  }

  private static boolean internalError(JsonObject message) {
    return message.has("error")
        && message.get("error").isJsonObject()
        && message.getAsJsonObject("error").has("code")
        && message.getAsJsonObject("error").get("code").getAsInt() == -32603;
  }

  private static Optional<JsonElement> lenient(String body) {
    try {
      JsonReader reader = new JsonReader(new StringReader(body));
      reader.setStrictness(com.google.gson.Strictness.LENIENT);
      return Optional.of(JsonParser.parseReader(reader));
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private static final Set<String> REQUEST_FIELDS = Set.of("jsonrpc", "id", "method", "params");

  /**
   * Only a request that is strict JSON with a request's fields, each once, must be answered: LSP4J
   * reads leniently and stops at the first value it cannot use (an id of 1e1000000 before a second
   * id, an {@code "error": "x"} before the id), and then answers nothing (docs/reliability.md,
   * Known limits).
   */
  private static boolean strict(String body) {
    try {
      JsonReader reader = new JsonReader(new StringReader(body));
      reader.setStrictness(com.google.gson.Strictness.STRICT);
      Set<String> names = new java.util.HashSet<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (!names.add(name)
            || !REQUEST_FIELDS.contains(name)
            || name.equals("jsonrpc") && reader.peek() != com.google.gson.stream.JsonToken.STRING) {
          return false;
        }
        reader.skipValue();
      }
      reader.endObject();
      return reader.peek() == com.google.gson.stream.JsonToken.END_DOCUMENT;
    } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /** The id of a request that the server must answer: a string or an integer, and a method. */
  private static Optional<String> requestId(JsonElement json) {
    if (!json.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject object = json.getAsJsonObject();
    JsonElement id = object.get("id");
    JsonElement method = object.get("method");
    if (id == null
        || method == null
        || !method.isJsonPrimitive()
        || !method.getAsJsonPrimitive().isString()
        || !id.isJsonPrimitive()) {
      return Optional.empty();
    }
    if (id.getAsJsonPrimitive().isString()) {
      return Optional.of(id.getAsString());
    }
    try {
      java.math.BigDecimal number = id.getAsBigDecimal();
      if (number.stripTrailingZeros().scale() <= 0
          && number.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return Optional.of(String.valueOf(number.intValueExact()));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // Not an integer LSP4J can read as an id (1e1000000): nothing to wait for.
    }
    return Optional.empty();
  }

  private static boolean mentionsLeftOut(JsonElement json) {
    if (json.isJsonObject()) {
      for (var entry : json.getAsJsonObject().entrySet()) {
        if (contains(entry.getKey()) || mentionsLeftOut(entry.getValue())) {
          return true;
        }
      }
    } else if (json.isJsonArray()) {
      for (JsonElement item : json.getAsJsonArray()) {
        if (mentionsLeftOut(item)) {
          return true;
        }
      }
    } else if (json.isJsonPrimitive()) {
      return contains(json.getAsString());
    }
    return false;
  }

  private static boolean contains(String text) {
    return LEFT_OUT.stream().anyMatch(text::contains);
  }
}
