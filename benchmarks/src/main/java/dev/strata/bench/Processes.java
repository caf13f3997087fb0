package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts child processes: timed whole (output discarded), or for the line they print. */
final class Processes {
  private Processes() {}

  private static final Pattern TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

  /** Wall and CPU time of a whole process. */
  record Timing(Stats wall, Stats cpu) {}

  /**
   * Times {@code runs} runs of a command, JVM start and exit included. The command runs under
   * {@code /bin/sh}, whose {@code times} builtin reports the CPU its child used (user plus system).
   */
  static Timing time(List<String> command, int runs) throws IOException, InterruptedException {
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      List<String> shell =
          new ArrayList<>(
              List.of("/bin/sh", "-c", "\"$@\" >/dev/null 2>&1; code=$?; times; exit $code", "sh"));
      shell.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(shell).redirectError(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      wall.add(System.nanoTime() - start);
      if (code > 1) {
        throw new IllegalStateException("exit code " + code + " from " + String.join(" ", command));
      }
      cpu.add(childrenCpu(output));
    }
    return new Timing(Stats.of(wall), Stats.of(cpu));
  }

  /** The second line of {@code times}: user and system time of the shell's children. */
  private static long childrenCpu(String times) {
    String[] lines = times.strip().split("\n");
    Matcher m = TIME.matcher(lines[lines.length - 1]);
    double seconds = 0;
    while (m.find()) {
      seconds += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
    }
    return (long) (seconds * 1e9);
  }

  static String output(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "exit code " + process.exitValue() + " from " + String.join(" ", command));
    }
    return output;
  }
}
