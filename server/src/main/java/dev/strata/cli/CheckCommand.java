package dev.strata.cli;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Reach;
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

  @Option(
      names = "--sarif-root",
      paramLabel = "FOLDER",
      description =
          "Folder that SARIF paths are relative to (default: the top of the git work tree that holds DIR, else DIR).")
  Path sarifRoot;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Analysis> loaded = repository.load(Optional.ofNullable(config), err);
    if (loaded.isEmpty()) {
      return Main.USAGE;
    }
    Analysis analysis = loaded.get();
    Optional<SarifRoots> roots =
        SarifRoots.of(analysis.snapshot().root(), Optional.ofNullable(sarifRoot));
    if (format == Format.sarif && roots.isEmpty()) {
      err.println("strata: " + repository.directory + " is not inside --sarif-root " + sarifRoot);
      return Main.USAGE;
    }
    List<Finding> findings =
        RealFiles.reportOnce(
            Analyzer.standard(Main.ruleFailures(err)).analyze(analysis),
            analysis.snapshot().layout());
    Optional<ConfigFile> outside =
        Optional.ofNullable(config)
            .map(ConfigFile::new)
            .filter(c -> c.outside(analysis.snapshot().root()));
    switch (format) {
      case json -> out.println(FindingsJson.write(analysis, findings));
      case sarif -> {
        Sarif.Log log = Sarif.write(analysis, findings, roots.get());
        out.println(log.json());
        if (log.leftOut() > 0) {
          err.println("strata: " + Sarif.capMessage(log.leftOut()));
        }
      }
      default -> {
        TextReport.write(
            findings,
            out,
            err,
            RealFiles.count(analysis.snapshot().files().size(), analysis.snapshot().layout()),
            Reach.of(analysis));
        outside.ifPresent(
            c ->
                err.println(
                    "strata: the configuration file "
                        + c.path().toAbsolutePath().normalize()
                        + " lies outside "
                        + repository.directory
                        + ", so findings in it name it by its absolute path"));
      }
    }
    out.flush();
    Severity threshold = Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT));
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold))
        ? Main.FINDINGS
        : Main.OK;
  }
}
