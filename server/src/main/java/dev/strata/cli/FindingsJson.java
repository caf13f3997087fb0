package dev.strata.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Reach;
import dev.strata.analysis.ViewJson;
import dev.strata.analysis.fix.Fix;
import dev.strata.analysis.fix.Fixes;
import java.nio.file.Path;
import java.util.List;

/** The {@code check --format json} contract of DESIGN.md, version 1. */
final class FindingsJson {
  private FindingsJson() {}

  static String write(Analysis analysis, List<Finding> findings) {
    JsonObject root = new JsonObject();
    root.addProperty("version", 1);
    root.addProperty("root", analysis.snapshot().root().toString());
    root.addProperty(
        "files", RealFiles.count(analysis.snapshot().files().size(), analysis.snapshot().layout()));
    root.add("config", config(analysis));
    root.add("reach", reach(Reach.of(analysis)));
    JsonArray array = new JsonArray();
    for (Finding finding : findings) {
      array.add(finding(analysis, finding));
    }
    root.add("findings", array);
    return new GsonBuilder()
        .serializeNulls()
        .setPrettyPrinting()
        .disableHtmlEscaping()
        .create()
        .toJson(root);
  }

  /**
   * The configuration file in use, or null: its path as findings name it, and whether it lies
   * inside the root; a {@code --config} file outside it is named by its absolute path.
   */
  private static JsonElement config(Analysis analysis) {
    if (!analysis.snapshot().hasConfigFile()) {
      return JsonNull.INSTANCE;
    }
    String path = analysis.snapshot().configPath();
    JsonObject config = new JsonObject();
    config.addProperty("path", path);
    config.addProperty("insideRoot", !Path.of(path).isAbsolute());
    return config;
  }

  /** What the render reached: clusters, Kustomizations, HelmReleases, the Flux releases run. */
  private static JsonObject reach(Reach reach) {
    JsonObject json = new JsonObject();
    json.addProperty("clusters", reach.clusters());
    json.addProperty("kustomizations", reach.kustomizations());
    json.addProperty("helmReleases", reach.helmReleases());
    JsonArray flux = new JsonArray();
    reach.flux().stream().sorted().forEach(flux::add);
    json.add("flux", flux);
    return json;
  }

  private static JsonObject finding(Analysis analysis, Finding finding) {
    JsonObject json = new JsonObject();
    json.addProperty("rule", finding.rule());
    json.addProperty("severity", finding.severity().label());
    json.addProperty("path", finding.file());
    json.add("range", ViewJson.range(finding.range()));
    json.addProperty("message", finding.message());
    JsonArray related = new JsonArray();
    for (Finding.Related r : finding.related()) {
      JsonObject item = new JsonObject();
      item.addProperty("path", r.file());
      item.add("range", ViewJson.range(r.range()));
      item.addProperty("message", r.message());
      related.add(item);
    }
    json.add("related", related);
    JsonArray fixes = new JsonArray();
    for (Fix fix : Fixes.forFinding(analysis, finding)) {
      fixes.add(fix.title());
    }
    json.add("fixes", fixes);
    return json;
  }
}
