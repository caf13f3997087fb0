package dev.strata.lsp.features;

import dev.strata.lsp.ToProto;
import dev.strata.model.ExternalSecret;
import dev.strata.model.HelmRelease;
import dev.strata.model.Manifest;
import dev.strata.model.SecretStore;
import dev.strata.syntax.YamlScalar;
import dev.strata.text.Range;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion of {@code dependsOn} names (objects of the same kind in the clusters that apply the
 * file, with a {@code namespace:} line when the namespace differs from the dependent's effective
 * one) and of store names in {@code secretStoreRef}.
 */
public final class Completions {
  private Completions() {}

  public static List<CompletionItem> of(Cursor cursor) {
    YamlPath path = cursor.path();
    if (path.contains("dependsOn") && path.endsWith("name")) {
      return dependsOn(cursor);
    }
    if (path.endsWith("secretStoreRef", "name")) {
      return stores(cursor);
    }
    return List.of();
  }

  private static List<CompletionItem> dependsOn(Cursor cursor) {
    Optional<Manifest> manifest = cursor.manifest();
    if (manifest.isEmpty() || !FluxTarget.isNode(manifest.get())) {
      return List.of();
    }
    String kind = manifest.get() instanceof HelmRelease ? "HelmRelease" : "Kustomization";
    boolean hasNamespace = cursor.path().parent().flatMap(p -> p.get("namespace")).isPresent();
    Map<String, CompletionItem> items = new LinkedHashMap<>();
    for (Cursor.InCluster in : cursor.applied()) {
      for (ObjectId id : cursor.root().analysis().graph(in.cluster()).nodes()) {
        if (id.kind().equals(kind) && !id.equals(in.applied().id()) && !id.unresolved()) {
          boolean otherNamespace = !id.namespace().equals(in.applied().id().namespace());
          String label = otherNamespace ? id.qualifiedName() : id.name();
          items.putIfAbsent(label, item(cursor, id, otherNamespace && !hasNamespace));
        }
      }
    }
    return new ArrayList<>(items.values());
  }

  private static CompletionItem item(Cursor cursor, ObjectId id, boolean addNamespace) {
    CompletionItem item = new CompletionItem(id.name());
    item.setKind(CompletionItemKind.Module);
    item.setDetail(id.toString());
    item.setFilterText(id.name());
    String text = id.name();
    if (addNamespace) {
      // The namespace goes on its own line, under "name:", at the indentation of that key.
      int column = cursor.path().parent().map(p -> p.range().start().character()).orElse(0);
      text += "\n" + " ".repeat(column) + "namespace: " + id.namespace();
      item.setLabel(id.qualifiedName());
    }
    item.setTextEdit(Either.forLeft(new TextEdit(ToProto.range(valueRange(cursor)), text)));
    return item;
  }

  private static List<CompletionItem> stores(Cursor cursor) {
    if (!(cursor.manifest().orElse(null) instanceof ExternalSecret)) {
      return List.of();
    }
    Map<String, CompletionItem> items = new LinkedHashMap<>();
    List<Cluster> clusters = cursor.applied().stream().map(Cursor.InCluster::cluster).toList();
    for (Cluster cluster : clusters.isEmpty() ? cursor.root().analysis().clusters() : clusters) {
      for (Applied applied : cluster.objects()) {
        if (applied.manifest() instanceof SecretStore store && !store.meta().nameText().isEmpty()) {
          CompletionItem item = new CompletionItem(store.meta().nameText());
          item.setKind(CompletionItemKind.Reference);
          item.setDetail(applied.id().toString());
          item.setTextEdit(
              Either.forLeft(
                  new TextEdit(ToProto.range(valueRange(cursor)), store.meta().nameText())));
          items.putIfAbsent(applied.id().toString(), item);
        }
      }
    }
    return new ArrayList<>(items.values());
  }

  /** The text a chosen item replaces: the value typed so far, or nothing at the cursor. */
  private static Range valueRange(Cursor cursor) {
    Optional<YamlScalar> scalar = cursor.path().scalar().filter(s -> !s.isNull());
    return scalar.map(YamlScalar::range).orElse(Range.at(cursor.position()));
  }
}
