package dev.strata.cli;

import dev.strata.analysis.Rule;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code strata.jar}. */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Checks Flux CD GitOps repositories: dependsOn cycles, dangling and missing dependencies, misplaced and unencrypted secrets.",
    subcommands = {
      CheckCommand.class,
      GraphCommand.class,
      SecretsCommand.class,
      BootstrapCommand.class,
      LspCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Main());
    line.setOut(out);
    line.setErr(err);
    line.setExitCodeExceptionMapper(e -> USAGE);
    line.setParameterExceptionHandler(
        (e, a) -> {
          err.println("strata: " + e.getMessage());
          err.println("Try 'strata --help' for more information.");
          return USAGE;
        });
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("strata: internal error: " + e);
          return USAGE;
        });
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * How every command reports a rule that threw: its id and the exception's class, never the
   * message, which could quote the input. The analysis goes on without that rule.
   */
  public static BiConsumer<Rule, RuntimeException> ruleFailures(PrintWriter err) {
    return (rule, e) ->
        err.println(
            "strata: rule "
                + rule.id()
                + " failed and was skipped: "
                + e.getClass().getSimpleName());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
