package dev.strata.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretInventory;
import dev.strata.analysis.ViewJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata secrets}: every Secret the repository creates, with mechanism, layer, consumers and
 * verdict.
 */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description =
        "List every Secret the repository creates: mechanism (SOPS, ExternalSecret, plaintext, template), layer, consumers and verdict. Never prints a value.")
final class SecretsCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    markdown
  }

  @Spec CommandSpec spec;

  @Mixin Repository repository;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Analysis> loaded = repository.load(err);
    if (loaded.isEmpty()) {
      return Main.USAGE;
    }
    Analysis analysis = loaded.get();
    List<Finding> findings = Analyzer.standard(Main.ruleFailures(err)).analyze(analysis);
    List<SecretInventory.Row> rows = SecretInventory.of(analysis, findings);
    boolean clusters = analysis.clusters().size() > 1;
    out.print(
        switch (format) {
          case json -> json(rows);
          case markdown -> Table.markdown(header(clusters), cells(rows, clusters));
          case text -> Table.text(header(clusters), cells(rows, clusters));
        });
    out.flush();
    return Main.OK;
  }

  private static List<String> header(boolean clusters) {
    List<String> header =
        new java.util.ArrayList<>(
            List.of("SECRET", "MECHANISM", "LAYER", "CONSUMERS", "VERDICT", "FILE"));
    if (clusters) {
      header.add(0, "CLUSTER");
    }
    return header;
  }

  private static List<List<String>> cells(List<SecretInventory.Row> rows, boolean clusters) {
    List<List<String>> cells = new java.util.ArrayList<>();
    for (SecretInventory.Row row : rows) {
      List<String> line = new java.util.ArrayList<>();
      if (clusters) {
        line.add(row.cluster());
      }
      line.add(row.qualifiedName());
      line.add(row.mechanism().label() + row.store().map(s -> " (" + s + ")").orElse(""));
      line.add(row.layer().label());
      line.add(row.consumers().isEmpty() ? "-" : String.join("; ", row.consumers()));
      line.add(row.verdict().map(v -> v.label() + " [" + row.rule().orElse("") + "]").orElse("ok"));
      line.add(row.file() + ":" + (row.range().start().line() + 1));
      cells.add(line);
    }
    return cells;
  }

  private static String json(List<SecretInventory.Row> rows) {
    JsonArray secrets = new JsonArray();
    for (SecretInventory.Row row : rows) {
      secrets.add(ViewJson.secret(row, (json, file) -> json.addProperty("path", file)));
    }
    JsonObject root = new JsonObject();
    root.addProperty("version", 1);
    root.add("secrets", secrets);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}
