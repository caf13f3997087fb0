package dev.strata.lsp.features;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** A protocol range as the JSON object the custom requests return. */
final class JsonRange {
  private JsonRange() {}

  static JsonObject of(Range range) {
    JsonObject json = new JsonObject();
    json.add("start", position(range.getStart()));
    json.add("end", position(range.getEnd()));
    return json;
  }

  private static JsonObject position(Position position) {
    JsonObject json = new JsonObject();
    json.addProperty("line", position.getLine());
    json.addProperty("character", position.getCharacter());
    return json;
  }
}
