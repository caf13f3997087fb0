package dev.strata.lsp;

import com.google.gson.JsonObject;
import dev.strata.lsp.features.DependencyGraphs;
import dev.strata.lsp.features.SecretsInventory;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The custom requests of docs/lsp-extensions.md. */
@JsonSegment("strata")
public interface StrataExtensions {
  @JsonRequest
  CompletableFuture<JsonObject> dependencyGraph(DependencyGraphs.Params params);

  @JsonRequest
  CompletableFuture<JsonObject> secrets(SecretsInventory.Params params);
}
