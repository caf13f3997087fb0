package dev.strata.lsp.features;

import dev.strata.analysis.DependencyGraph;
import dev.strata.lsp.ToProto;
import dev.strata.lsp.state.FileRef;
import dev.strata.model.FluxKustomization;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * A lens on each Kustomization: how many entries it depends on and how many wait for it, in the
 * first cluster that applies it, and its layer. The command is empty: the lens informs, clicking it
 * does nothing.
 */
public final class CodeLenses {
  private CodeLenses() {}

  public static List<CodeLens> of(FileRef file) {
    List<CodeLens> result = new ArrayList<>();
    Set<Integer> documents = new HashSet<>();
    for (Cluster cluster : file.root().snapshot().render().clustersOf(file.path())) {
      DependencyGraph graph = file.root().analysis().graph(cluster);
      for (Applied applied : cluster.inFile(file.path())) {
        if (applied.manifest() instanceof FluxKustomization
            && documents.add(applied.meta().document())) {
          String title =
              "depends on "
                  + graph.dependencies(applied.id()).size()
                  + " · "
                  + graph.dependents(applied.id()).size()
                  + " dependents · "
                  + file.root().analysis().layers(cluster).of(applied.id()).label();
          result.add(
              new CodeLens(ToProto.range(applied.meta().anchor()), new Command(title, ""), null));
        }
      }
    }
    return result;
  }
}
