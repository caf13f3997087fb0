package dev.strata.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a real process: exit codes, stdin closing, a dying client, and a clean stdout. */
class LspLifecycleTest {
  @TempDir Path root;
  private Process server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  private Process start() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    server =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "dev.strata.cli.Main", "lsp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return server;
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private String initialize(long processId) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
        + processId
        + ",\"rootUri\":\""
        + root.toUri()
        + "\",\"capabilities\":{}}}";
  }

  private int exitCode(Process process) throws InterruptedException {
    assertTrue(
        process.waitFor(RecordingClient.TIMEOUT_SECONDS, TimeUnit.SECONDS),
        "the server did not exit");
    return process.exitValue();
  }

  @Test
  void exitsWithZeroAfterShutdownAndStdoutHoldsOnlyTheProtocol() throws Exception {
    Process process = start();
    OutputStream in = process.getOutputStream();
    send(in, initialize(ProcessHandle.current().pid()));
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertEquals(0, exitCode(process));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(out.startsWith("Content-Length: "), out);
    for (String part : out.split("Content-Length: \\d+\r\n\r\n")) {
      assertTrue(part.isEmpty() || part.startsWith("{"), "not a JSON-RPC message: " + part);
    }
  }

  @Test
  void exitsWithOneWithoutShutdown() throws Exception {
    Process process = start();
    send(process.getOutputStream(), initialize(ProcessHandle.current().pid()));
    send(process.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertEquals(1, exitCode(process));
  }

  @Test
  void exitsWhenStdinCloses() throws Exception {
    Process process = start();
    send(process.getOutputStream(), initialize(ProcessHandle.current().pid()));
    process.getOutputStream().close();
    assertEquals(1, exitCode(process));
  }

  @Test
  void exitsWhenTheClientProcessDies() throws Exception {
    Process client = new ProcessBuilder(List.of("cat")).start();
    try {
      Process process = start();
      send(process.getOutputStream(), initialize(client.pid()));
      client.destroy();
      assertEquals(1, exitCode(process));
    } finally {
      client.destroyForcibly();
    }
  }
}
