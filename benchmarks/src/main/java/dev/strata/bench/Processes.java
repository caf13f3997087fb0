package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Starts child processes: timed whole (output discarded), or for the line they print. */
final class Processes {
  private Processes() {}

  /** Wall time of {@code runs} runs of a command, JVM start and exit included. */
  static Stats time(List<String> command, int runs) throws IOException, InterruptedException {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      Process process = builder.start();
      int code = process.waitFor();
      nanos.add(System.nanoTime() - start);
      if (code > 1) {
        throw new IllegalStateException("exit code " + code + " from " + String.join(" ", command));
      }
    }
    return Stats.of(nanos);
  }

  static String output(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("exit code " + process.exitValue() + " from " + String.join(" ", command));
    }
    return output;
  }
}
