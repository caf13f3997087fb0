package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata check}: analyse a repository and report findings. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Analyse a Flux repository and report findings. Exit 0 when nothing reaches the fail level, 1 when something does, 2 on bad usage.")
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  enum Level {
    error,
    warning,
    info
  }

  @Spec CommandSpec spec;

  @Mixin Repository repository;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(
      names = "--fail-on",
      defaultValue = "error",
      description = "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES}.")
  Level failOn;

  @Option(
      names = "--config",
      description = "Configuration file to use instead of DIR/.strata.yaml.")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Analysis> loaded = repository.load(Optional.ofNullable(config), err);
    if (loaded.isEmpty()) {
      return Main.USAGE;
    }
    Analysis analysis = loaded.get();
    List<Finding> findings = Analyzer.standard(Main.ruleFailures(err)).analyze(analysis);
    switch (format) {
      case json -> out.println(FindingsJson.write(analysis, findings));
      case sarif -> out.println(Sarif.write(analysis, findings));
      default -> TextReport.write(findings, out, err, analysis.snapshot().files().size());
    }
    out.flush();
    Severity threshold = Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT));
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold))
        ? Main.FINDINGS
        : Main.OK;
  }
}
