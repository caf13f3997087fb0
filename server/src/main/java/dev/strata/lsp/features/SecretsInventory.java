package dev.strata.lsp.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretInventory;
import dev.strata.analysis.ViewJson;
import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code strata/secrets}: the rows of {@code strata secrets --format json} for the folder holding
 * {@code uri} (the first folder without one), each with a {@code uri} instead of a path. No values.
 */
public final class SecretsInventory {
  private SecretsInventory() {}

  /** The request's parameters. */
  public static final class Params {
    public String uri;
  }

  public static JsonObject of(
      WorkspaceState state,
      Params params,
      BiFunction<WorkspaceState, RootState, List<Finding>> findings) {
    Optional<RootState> root =
        Optional.ofNullable(params == null ? null : params.uri)
            .flatMap(state::locate)
            .map(FileRef::root)
            .or(() -> state.roots().stream().findFirst());
    JsonArray secrets = new JsonArray();
    if (root.isPresent()) {
      for (SecretInventory.Row row :
          SecretInventory.of(root.get().analysis(), findings.apply(state, root.get()))) {
        secrets.add(
            ViewJson.secret(row, (json, file) -> json.addProperty("uri", root.get().uri(file))));
      }
    }
    JsonObject json = new JsonObject();
    json.add("secrets", secrets);
    return json;
  }
}
