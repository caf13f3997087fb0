package dev.strata.lsp.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretInventory;
import dev.strata.lsp.ToProto;
import dev.strata.lsp.state.FileRef;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import java.util.List;
import java.util.Locale;
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
        secrets.add(row(root.get(), row));
      }
    }
    JsonObject json = new JsonObject();
    json.add("secrets", secrets);
    return json;
  }

  private static JsonObject row(RootState root, SecretInventory.Row row) {
    JsonObject json = new JsonObject();
    json.addProperty("cluster", row.cluster());
    json.addProperty("namespace", row.namespace());
    json.addProperty("name", row.name());
    json.addProperty(
        "mechanism", row.mechanism().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    row.store().ifPresent(s -> json.addProperty("store", s));
    json.addProperty("layer", row.layer().label());
    JsonArray consumers = new JsonArray();
    row.consumers().forEach(consumers::add);
    json.add("consumers", consumers);
    json.addProperty("verdict", row.verdict().map(v -> v.label()).orElse("ok"));
    row.rule().ifPresent(r -> json.addProperty("rule", r));
    json.addProperty("uri", root.uri(row.file()));
    json.add("range", JsonRange.of(ToProto.range(row.range())));
    return json;
  }
}
