package dev.strata.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.analysis.RuleCatalogue;
import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with help from the rule's
 * documentation page, results with 1-based UTF-16 regions and percent-encoded URIs relative to
 * {@code SRCROOT} (see {@link SarifRoots}), related locations linked from the message, line-based
 * fingerprints, and at most 25,000 results with a notification for the rest.
 */
final class Sarif {
  /** The log's text and how many findings the cap left out. */
  record Log(String json, int leftOut) {}

  private Sarif() {}

  static Log write(Analysis analysis, List<Finding> findings, SarifRoots roots) {
    return write(analysis, findings, roots, ResultCap.GITHUB_LIMIT);
  }

  static Log write(Analysis analysis, List<Finding> findings, SarifRoots roots, int limit) {
    ResultCap cap = ResultCap.of(findings, limit);
    JsonArray rules = new JsonArray();
    Map<String, Integer> index = new HashMap<>();
    for (Rule rule : RuleCatalogue.rules()) {
      index.put(rule.id(), rules.size());
      rules.add(SarifRule.of(rule));
    }
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "Strata");
    driver.addProperty("version", Version.current());
    driver.addProperty("semanticVersion", Version.current());
    driver.addProperty("informationUri", "https://strata.dev");
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonObject run = new JsonObject();
    run.add("tool", tool);
    run.add("invocations", invocations(cap));
    run.add("originalUriBaseIds", roots.baseIds(files(cap.kept())));
    run.addProperty("columnKind", "utf16CodeUnits");
    List<String> fingerprints = Fingerprints.of(cap.kept(), f -> lineText(analysis, f));
    JsonArray results = new JsonArray();
    for (int i = 0; i < cap.kept().size(); i++) {
      Finding finding = cap.kept().get(i);
      results.add(
          result(finding, index.getOrDefault(finding.rule(), -1), fingerprints.get(i), roots));
    }
    run.add("results", results);

    JsonObject log = new JsonObject();
    log.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.addProperty("version", "2.1.0");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);
    return new Log(
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log),
        cap.leftOut());
  }

  private static JsonArray invocations(ResultCap cap) {
    JsonObject invocation = new JsonObject();
    invocation.addProperty("executionSuccessful", true);
    if (cap.leftOut() > 0) {
      JsonObject notification = new JsonObject();
      JsonObject descriptor = new JsonObject();
      descriptor.addProperty("id", "results-capped");
      notification.add("descriptor", descriptor);
      notification.addProperty("level", "warning");
      notification.add("message", text(capMessage(cap.leftOut())));
      JsonArray notifications = new JsonArray();
      notifications.add(notification);
      invocation.add("toolExecutionNotifications", notifications);
    }
    JsonArray invocations = new JsonArray();
    invocations.add(invocation);
    return invocations;
  }

  static String capMessage(int leftOut) {
    return leftOut
        + " results were left out: GitHub code scanning accepts at most "
        + ResultCap.GITHUB_LIMIT
        + " per run, so the most severe were kept; run `strata check` for all of them";
  }

  private static Set<String> files(List<Finding> findings) {
    Set<String> files = new LinkedHashSet<>();
    for (Finding finding : findings) {
      files.add(finding.file());
      finding.related().forEach(r -> files.add(r.file()));
    }
    return files;
  }

  private static String lineText(Analysis analysis, Finding finding) {
    return analysis
        .snapshot()
        .file(finding.file())
        .map(file -> line(file, finding.range().start().line()))
        .orElse("");
  }

  private static String line(SourceFile file, int line) {
    var lines = file.syntax().lines();
    if (line >= lines.lineCount()) {
      return "";
    }
    return file.text().substring(lines.lineStart(line), lines.lineEnd(line, file.text()));
  }

  private static JsonObject result(
      Finding finding, int ruleIndex, String fingerprint, SarifRoots roots) {
    JsonObject json = new JsonObject();
    json.addProperty("ruleId", finding.rule());
    if (ruleIndex >= 0) {
      json.addProperty("ruleIndex", ruleIndex);
    }
    json.addProperty("level", level(finding.severity()));
    json.add("message", text(SarifMessage.text(finding)));
    JsonArray locations = new JsonArray();
    locations.add(location(roots.artifact(finding.file()), finding.range()));
    json.add("locations", locations);
    if (!finding.related().isEmpty()) {
      JsonArray related = new JsonArray();
      int id = 1;
      for (Finding.Related r : finding.related()) {
        JsonObject location = location(roots.artifact(r.file()), r.range());
        location.addProperty("id", id++);
        location.add("message", text(r.message()));
        related.add(location);
      }
      json.add("relatedLocations", related);
    }
    JsonObject fingerprints = new JsonObject();
    fingerprints.addProperty(Fingerprints.KEY, fingerprint);
    json.add("partialFingerprints", fingerprints);
    return json;
  }

  private static JsonObject location(SarifRoots.Artifact artifact, Range range) {
    JsonObject location = new JsonObject();
    JsonObject uri = new JsonObject();
    uri.addProperty("uri", artifact.uri().encoded());
    uri.addProperty("uriBaseId", artifact.baseId());
    JsonObject region = new JsonObject();
    region.addProperty("startLine", range.start().line() + 1);
    region.addProperty("startColumn", range.start().character() + 1);
    region.addProperty("endLine", range.end().line() + 1);
    region.addProperty("endColumn", range.end().character() + 1);
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", uri);
    physical.add("region", region);
    location.add("physicalLocation", physical);
    return location;
  }

  static JsonObject text(String value) {
    JsonObject json = new JsonObject();
    json.addProperty("text", value);
    return json;
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }
}
