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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with help from the rule's
 * documentation page, results with 1-based UTF-16 regions relative to {@code %SRCROOT%}, related
 * locations, and a fingerprint that survives unrelated edits.
 */
final class Sarif {
  private Sarif() {}

  static String write(Analysis analysis, List<Finding> findings) {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "Strata");
    driver.addProperty("version", Version.current());
    driver.addProperty("semanticVersion", Version.current());
    driver.addProperty("informationUri", "https://strata.dev");
    JsonArray rules = new JsonArray();
    Map<String, Integer> index = new HashMap<>();
    for (Rule rule : RuleCatalogue.rules()) {
      index.put(rule.id(), rules.size());
      rules.add(rule(rule));
    }
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonObject run = new JsonObject();
    run.add("tool", tool);
    JsonObject base = new JsonObject();
    JsonObject srcroot = new JsonObject();
    srcroot.addProperty("uri", analysis.snapshot().root().toUri().toString());
    base.add("SRCROOT", srcroot);
    run.add("originalUriBaseIds", base);
    run.addProperty("columnKind", "utf16CodeUnits");
    JsonArray results = new JsonArray();
    for (Finding finding : findings) {
      results.add(result(finding, index.getOrDefault(finding.rule(), -1)));
    }
    run.add("results", results);

    JsonObject log = new JsonObject();
    log.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.addProperty("version", "2.1.0");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log);
  }

  private static JsonObject rule(Rule rule) {
    JsonObject json = new JsonObject();
    json.addProperty("id", rule.id());
    json.addProperty("name", pascalCase(rule.id()));
    json.add("shortDescription", text(rule.summary()));
    json.add("fullDescription", text(rule.summary()));
    json.addProperty("helpUri", RuleCatalogue.documentationUrl(rule.id()));
    String markdown = documentation(rule.id());
    JsonObject help = text(rule.summary() + " See " + RuleCatalogue.documentationUrl(rule.id()));
    help.addProperty("markdown", markdown.isEmpty() ? rule.summary() : markdown);
    json.add("help", help);
    JsonObject configuration = new JsonObject();
    configuration.addProperty("level", level(rule.defaultSeverity()));
    json.add("defaultConfiguration", configuration);
    JsonObject properties = new JsonObject();
    JsonArray tags = new JsonArray();
    tags.add("flux");
    tags.add(
        rule.id().contains("secret")
                || rule.id().startsWith("sops")
                || rule.id().equals("bootstrap-deadlock")
            ? "security"
            : "correctness");
    properties.add("tags", tags);
    json.add("properties", properties);
    return json;
  }

  private static JsonObject result(Finding finding, int ruleIndex) {
    JsonObject json = new JsonObject();
    json.addProperty("ruleId", finding.rule());
    if (ruleIndex >= 0) {
      json.addProperty("ruleIndex", ruleIndex);
    }
    json.addProperty("level", level(finding.severity()));
    json.add("message", text(finding.message()));
    JsonArray locations = new JsonArray();
    locations.add(location(finding.file(), finding.range()));
    json.add("locations", locations);
    if (!finding.related().isEmpty()) {
      JsonArray related = new JsonArray();
      int id = 1;
      for (Finding.Related r : finding.related()) {
        JsonObject location = location(r.file(), r.range());
        location.addProperty("id", id++);
        location.add("message", text(r.message()));
        related.add(location);
      }
      json.add("relatedLocations", related);
    }
    JsonObject fingerprints = new JsonObject();
    fingerprints.addProperty(
        "strataFinding/v1",
        Integer.toHexString(
            (finding.rule() + "|" + finding.file() + "|" + finding.message()).hashCode()));
    json.add("partialFingerprints", fingerprints);
    return json;
  }

  private static JsonObject location(String file, Range range) {
    JsonObject artifact = new JsonObject();
    artifact.addProperty("uri", file);
    artifact.addProperty("uriBaseId", "SRCROOT");
    JsonObject region = new JsonObject();
    region.addProperty("startLine", range.start().line() + 1);
    region.addProperty("startColumn", range.start().character() + 1);
    region.addProperty("endLine", range.end().line() + 1);
    region.addProperty("endColumn", range.end().character() + 1);
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifact);
    physical.add("region", region);
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    return location;
  }

  private static JsonObject text(String value) {
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

  private static String pascalCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** The rule's page from {@code docs/rules}, bundled into the jar at build time. */
  static String documentation(String id) {
    try (InputStream in = Sarif.class.getResourceAsStream("/strata/rules/" + id + ".md")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
