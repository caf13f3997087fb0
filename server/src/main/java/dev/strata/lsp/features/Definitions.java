package dev.strata.lsp.features;

import dev.strata.lsp.ToProto;
import dev.strata.lsp.state.RootState;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Manifest;
import dev.strata.model.SecretStore;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Origin;
import dev.strata.workspace.PathReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Location;

/**
 * Go to definition: a {@code dependsOn} entry to the object it names, {@code secretStoreRef.name}
 * to the store, {@code spec.path} and kustomize {@code resources:}/{@code components:} entries to
 * the kustomization file of the folder or to the file, an ExternalSecret's {@code target.name} to
 * the fields that use that Secret (or to itself when nothing does). Every cluster that applies the
 * file contributes; equal places are listed once.
 */
public final class Definitions {
  private Definitions() {}

  public static List<Location> of(Cursor cursor) {
    Set<Origin> origins = new LinkedHashSet<>();
    RootState root = cursor.root();
    for (FluxTarget target : FluxTarget.at(cursor)) {
      if (target.entry().isPresent()) {
        target.node(root.analysis()).map(Applied::origin).ifPresent(origins::add);
      }
    }
    stores(cursor).forEach(origins::add);
    paths(cursor).forEach(origins::add);
    secretTarget(cursor)
        .ifPresent(
            self -> {
              // The Secret's consumers when the analysis knows them, else the ExternalSecret
              // itself.
              java.util.Set<Origin> consumers = SecretPlacement.consumers(cursor);
              origins.addAll(consumers.isEmpty() ? java.util.Set.of(self) : consumers);
            });
    return origins.stream().map(o -> ToProto.location(root, o)).toList();
  }

  private static List<Origin> stores(Cursor cursor) {
    List<Origin> result = new ArrayList<>();
    if (!(cursor.manifest().orElse(null) instanceof ExternalSecret secret)
        || secret.storeRef().isEmpty()) {
      return result;
    }
    ExternalSecret.StoreRef ref = secret.storeRef().get();
    if (!ref.name().range().contains(cursor.position())) {
      return result;
    }
    for (Cursor.InCluster in : cursor.applied()) {
      for (Applied applied : in.cluster().objects()) {
        if (Stores.matches(applied, ref, in.applied().id().namespace())) {
          result.add(applied.origin());
        }
      }
    }
    return result;
  }

  private static List<Origin> paths(Cursor cursor) {
    List<Origin> result = new ArrayList<>();
    for (Cursor.InCluster in : cursor.applied()) {
      addPaths(cursor, in.cluster().references(), result);
    }
    if (result.isEmpty()) {
      // Files no cluster applies (an overlay being written) still resolve through any cluster's
      // references.
      cursor.root().analysis().clusters().forEach(c -> addPaths(cursor, c.references(), result));
    }
    return result;
  }

  private static void addPaths(Cursor cursor, List<PathReference> references, List<Origin> result) {
    for (PathReference reference : references) {
      if (reference.file().equals(cursor.file().path())
          && reference.range().contains(cursor.position())
          && reference.status() == PathReference.Status.FOUND) {
        Origin origin = Paths.target(cursor.root().snapshot(), reference.target());
        if (!result.contains(origin)) {
          result.add(origin);
        }
      }
    }
  }

  private static Optional<Origin> secretTarget(Cursor cursor) {
    Optional<Manifest> manifest = cursor.manifest();
    if (manifest.orElse(null) instanceof ExternalSecret secret
        && secret.target().map(t -> t.range().contains(cursor.position())).orElse(false)) {
      return Optional.of(new Origin(cursor.file().path(), secret.meta().anchor()));
    }
    return Optional.empty();
  }

  /** Which stores a {@code secretStoreRef} may name. */
  static final class Stores {
    private Stores() {}

    static boolean matches(Applied applied, ExternalSecret.StoreRef ref, String namespace) {
      return applied.manifest() instanceof SecretStore store
          && store.meta().nameText().equals(ref.name().value())
          && store.cluster() == ref.clusterStore()
          && (store.cluster() || applied.id().namespace().equals(namespace));
    }
  }
}
