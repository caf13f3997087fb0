package dev.strata.cli;

import com.google.gson.JsonObject;
import dev.strata.text.Position;
import dev.strata.text.Range;

/** Ranges and positions in the JSON shape LSP uses: zero-based lines and UTF-16 characters. */
final class JsonRanges {
  private JsonRanges() {}

  static JsonObject range(Range range) {
    JsonObject json = new JsonObject();
    json.add("start", position(range.start()));
    json.add("end", position(range.end()));
    return json;
  }

  static JsonObject position(Position position) {
    JsonObject json = new JsonObject();
    json.addProperty("line", position.line());
    json.addProperty("character", position.character());
    return json;
  }
}
