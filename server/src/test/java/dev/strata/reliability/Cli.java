package dev.strata.reliability;

import dev.strata.cli.Main;
import dev.strata.testing.CommandLineRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in process and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(String... args) {
    CommandLineRun run = CommandLineRun.of(args);
    return new Cli(run.exitCode(), run.out(), run.err());
  }

  /** Every command and format the CLI has, on one repository. */
  static List<Cli> everyOutput(Path root) {
    List<Cli> runs = new ArrayList<>();
    String dir = root.toString();
    for (String format : List.of("text", "json", "sarif")) {
      runs.add(run("check", "--format", format, "--fail-on", "info", dir));
    }
    for (String format : List.of("mermaid", "dot", "json")) {
      runs.add(run("graph", "--format", format, dir));
    }
    for (String format : List.of("text", "json", "markdown")) {
      runs.add(run("secrets", "--format", format, dir));
    }
    runs.add(run("bootstrap", dir));
    return runs;
  }

  /** The CLI finished as designed: findings or none, but no usage error and no internal error. */
  boolean finished() {
    return (code == Main.OK || code == Main.FINDINGS)
        && !err.contains("internal error")
        && !err.contains("failed and was skipped");
  }

  String all() {
    return out + "\n" + err;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
