package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process, as editors run it: it ends when its client goes away, however it
 * goes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LspProcessTest {
  @TempDir Path root;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopWhatWasStarted() {
    started.forEach(Process::destroyForcibly);
  }

  private Process start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(process);
    return process;
  }

  private Process server() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return start(
        List.of(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.strata.cli.Main",
            "lsp"));
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void initialize(Process server, Object processId) throws IOException {
    send(
        server.getOutputStream(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
            + processId
            + ",\"rootUri\":\""
            + root.toUri()
            + "\",\"capabilities\":{}}}");
    send(
        server.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    InputStream in = server.getInputStream();
    byte[] start = in.readNBytes(16);
    assertEquals(
        "Content-Length: ",
        new String(start, StandardCharsets.US_ASCII),
        "stdout carries the protocol only");
  }

  private static int exitCode(Process process) throws InterruptedException {
    assertTrue(
        process.waitFor(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS),
        "the server is still running");
    return process.exitValue();
  }

  @Test
  void exitsWhenItsInputCloses() throws Exception {
    Disk.write(root, "a.yaml", "a: 1\n");
    Process server = server();
    initialize(server, ProcessHandle.current().pid());
    server.getOutputStream().close();
    exitCode(server);
  }

  @Test
  void exitsWhenItsInputBreaksMidMessage() throws Exception {
    Process server = server();
    initialize(server, "null");
    OutputStream in = server.getOutputStream();
    in.write(
        "Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":2,\"meth"
            .getBytes(StandardCharsets.US_ASCII));
    in.close();
    exitCode(server);
  }

  @Test
  void exitsWhenItsClientProcessDies() throws Exception {
    Process client;
    try {
      client = start(List.of("sleep", "600"));
    } catch (IOException e) {
      assumeTrue(false, "no sleep command to stand in for the client");
      return;
    }
    Process server = server();
    initialize(server, client.pid());
    client.destroyForcibly().waitFor();
    assertEquals(1, exitCode(server), "a vanished client ends the server with 1");
  }
}
