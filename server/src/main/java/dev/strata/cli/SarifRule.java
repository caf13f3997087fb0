package dev.strata.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Rule;
import dev.strata.analysis.RuleCatalogue;

/**
 * One {@code reportingDescriptor}: the rule's summary as its short description, the first paragraph
 * of its page as the full one, the whole page as markdown help, its default level and tags.
 */
final class SarifRule {
  private SarifRule() {}

  static JsonObject of(Rule rule) {
    RuleDocs docs = RuleDocs.of(rule.id());
    JsonObject json = new JsonObject();
    json.addProperty("id", rule.id());
    json.addProperty("name", pascalCase(rule.id()));
    json.add("shortDescription", Sarif.text(rule.summary()));
    String full = docs.whatItFinds();
    json.add("fullDescription", Sarif.text(full.isEmpty() ? rule.summary() : full));
    json.addProperty("helpUri", RuleCatalogue.documentationUrl(rule.id()));
    JsonObject help =
        Sarif.text(rule.summary() + " See " + RuleCatalogue.documentationUrl(rule.id()));
    help.addProperty("markdown", docs.markdown().isEmpty() ? rule.summary() : docs.markdown());
    json.add("help", help);
    JsonObject configuration = new JsonObject();
    configuration.addProperty("level", Sarif.level(rule.defaultSeverity()));
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

  private static String pascalCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
