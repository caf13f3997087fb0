package dev.strata.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.lsp.ServerLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The server in this JVM driven with raw bytes: framed JSON-RPC written by hand, garbage included,
 * and every message the server writes parsed back. For what a well-behaved LSP4J client cannot
 * send.
 */
final class RawLsp implements AutoCloseable {
  final CompletableFuture<Integer> exitCode;
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final OutputStream toServer;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "reliability-raw-client");
            thread.setDaemon(true);
            return thread;
          });

  RawLsp() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    exitCode =
        CompletableFuture.supplyAsync(() -> ServerLauncher.run(serverIn, serverOut, err), threads);
    threads.execute(() -> read(clientIn));
  }

  private void read(InputStream in) {
    readMessages(
        in,
        message -> {
          received.add(message);
          messages.add(message);
        });
  }

  /** Reads framed messages until the stream closes or breaks; shared with {@link FuzzServer}. */
  static void readMessages(InputStream in, java.util.function.Consumer<JsonObject> sink) {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = header(in)).isEmpty()) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        sink.accept(
            JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      // The server closed its output.
    }
  }

  private static String header(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("closed");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  void bytes(byte[] bytes) throws IOException {
    toServer.write(bytes);
    toServer.flush();
  }

  void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    bytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    bytes(body);
  }

  void request(int id, String method, String params) throws IOException {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
  }

  void notify(String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  void initialize(Path root) throws Exception {
    request(
        1,
        "initialize",
        "{\"processId\":null,\"rootUri\":\""
            + root.toUri()
            + "\",\"capabilities\":{},"
            + "\"initializationOptions\":{\"debounceMs\":0}}");
    response(1);
    notify("initialized", "{}");
  }

  /** The next message that satisfies {@code wanted}; fails after the timeout. */
  JsonObject await(Predicate<JsonObject> wanted, String what) throws InterruptedException {
    for (JsonObject seen : received) {
      if (wanted.test(seen)) {
        messages.remove(seen);
        return seen;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LspHarness.TIMEOUT_SECONDS);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject next = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError(
            "timed out waiting for " + what + "; received " + received + "; stderr " + stderr());
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  JsonObject response(int id) throws InterruptedException {
    return await(
        m -> m.has("id") && !m.has("method") && idIs(m.get("id"), id), "the response to " + id);
  }

  private static boolean idIs(JsonElement element, int id) {
    return !element.isJsonNull() && element.getAsString().equals(String.valueOf(id));
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }

  void closeInput() throws IOException {
    toServer.close();
  }

  @Override
  public void close()
      throws IOException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    try {
      toServer.close();
      exitCode.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      threads.shutdownNow();
    }
  }
}
