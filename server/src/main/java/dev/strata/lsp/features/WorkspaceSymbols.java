package dev.strata.lsp.features;

import dev.strata.lsp.ToProto;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Manifest;
import dev.strata.model.SecretManifest;
import dev.strata.model.SecretStore;
import dev.strata.workspace.Origin;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Kustomizations, HelmReleases, Secrets, ExternalSecrets and stores of every folder whose name
 * matches the query.
 */
public final class WorkspaceSymbols {
  private static final int LIMIT = 1000;

  private WorkspaceSymbols() {}

  public static List<WorkspaceSymbol> of(WorkspaceState state, String query) {
    List<WorkspaceSymbol> result = new ArrayList<>();
    String wanted = query == null ? "" : query.toLowerCase(Locale.ROOT);
    for (RootState root : state.roots()) {
      for (SourceFile file : root.snapshot().files()) {
        for (Manifest manifest : file.manifests()) {
          String name = manifest.meta().nameText();
          if (listed(manifest)
              && !name.isEmpty()
              && matches(name.toLowerCase(Locale.ROOT), wanted)
              && result.size() < LIMIT) {
            Location location =
                ToProto.location(root, new Origin(file.path(), manifest.meta().anchor()));
            WorkspaceSymbol symbol =
                new WorkspaceSymbol(name, ToProto.symbolKind(manifest), Either.forLeft(location));
            symbol.setContainerName(
                manifest.kind() + manifest.meta().namespaceText().map(n -> " " + n).orElse(""));
            result.add(symbol);
          }
        }
      }
    }
    return result;
  }

  private static boolean listed(Manifest manifest) {
    return FluxTarget.isNode(manifest)
        || manifest instanceof ExternalSecret
        || manifest instanceof SecretStore
        || manifest instanceof SecretManifest;
  }

  /** The query's characters in order, as editors' fuzzy pickers expect. */
  static boolean matches(String name, String query) {
    int at = 0;
    for (char c : query.toCharArray()) {
      at = name.indexOf(c, at);
      if (at < 0) {
        return false;
      }
      at++;
    }
    return true;
  }
}
