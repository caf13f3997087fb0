package dev.strata.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.strata.lsp.ServerLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One server for a whole fuzz run, on {@link FuzzRepository#base} in a folder of its own, driven
 * with raw frames. Unlike {@link RawLsp} it keeps no history: each wait drains what arrived, so
 * that a campaign of 100,000 inputs runs in constant memory and time per input.
 */
final class FuzzServer {
  /** An input that gets no answer within this is a hang. */
  static final long HANG_SECONDS = 10;

  /** The first answer waits for Jazzer to instrument the classes the server loads. */
  private static final long STARTUP_SECONDS = 180;

  final Path root;
  final CompletableFuture<Integer> exitCode;
  private final OutputStream toServer;
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private int next;

  private FuzzServer() throws IOException {
    root = Files.createTempDirectory("strata-fuzz-lsp").toRealPath();
    FuzzRepository.base().forEach((path, text) -> Disk.write(root, path, text));
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    exitCode = new CompletableFuture<>();
    Thread server =
        new Thread(() -> exitCode.complete(ServerLauncher.run(serverIn, serverOut, err)), "fuzz");
    server.setDaemon(true);
    server.start();
    Thread reader = new Thread(() -> RawLsp.readMessages(clientIn, messages::add), "fuzz-client");
    reader.setDaemon(true);
    reader.start();
  }

  static FuzzServer start() {
    try {
      FuzzServer server = new FuzzServer();
      server.send(
          "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{"
              + "\"processId\":null,\"rootUri\":\""
              + server.root.toUri()
              + "\",\"capabilities\":{},\"initializationOptions\":{\"debounceMs\":0}}}");
      server.await(m -> isResponse(m, "init"), "the answer to initialize", STARTUP_SECONDS);
      server.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The root's URI without the trailing slash: inputs write {@code $ROOT/apps/...}. */
  String rootUri() {
    String uri = root.toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  void send(String json) throws IOException {
    send(json.getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] body) throws IOException {
    toServer.write(
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    toServer.write(body);
    toServer.flush();
  }

  /** A hover the server must answer: proof that it still serves after whatever came before. */
  List<JsonObject> sync() throws IOException {
    String id = "sync-" + next++;
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":\""
            + id
            + "\",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
            + rootUri()
            + "/clusters/prod/apps.yaml\"},\"position\":{\"line\":3,\"character\":9}}}");
    return await(m -> isResponse(m, id), "the answer to " + id);
  }

  /**
   * Every message up to the first that {@code wanted} accepts; fails after {@link #HANG_SECONDS}.
   */
  List<JsonObject> await(Predicate<JsonObject> wanted, String what) {
    return await(wanted, what, HANG_SECONDS);
  }

  private List<JsonObject> await(Predicate<JsonObject> wanted, String what, long seconds) {
    List<JsonObject> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
        if (message == null) {
          throw new AssertionError(
              "no " + what + " within " + seconds + " s; server exited: " + exitCode.isDone());
        }
        seen.add(message);
        if (wanted.test(message)) {
          return seen;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }

  static boolean isResponse(JsonObject message, String id) {
    JsonElement got = message.get("id");
    return !message.has("method")
        && got != null
        && got.isJsonPrimitive()
        && got.getAsString().equals(id);
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }
}
