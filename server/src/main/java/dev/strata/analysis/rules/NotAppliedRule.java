package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Manifest;
import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.RenderTree;
import dev.strata.workspace.SourceFile;
import dev.strata.workspace.Unreached;
import java.util.Optional;

/**
 * A manifest file that no cluster root reaches: a dead file (an archive, an entry commented out of
 * {@code resources:}, a template), reported once at its top with the folder that would have to list
 * it. Silent where the repository has no cluster at all, and for files kustomize reads as data.
 */
public final class NotAppliedRule implements Rule {
  // The first object of a file depends on the file alone: found once per version of it.
  private static final Object FIRST_OBJECT = new Object();

  @Override
  public String id() {
    return "not-applied";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "A manifest file that no cluster applies, with the folder that would have to list it.";
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    RenderTree render = analysis.snapshot().render();
    if (render.clusters().isEmpty()) {
      return;
    }
    Unreached unreached = new Unreached(analysis.snapshot());
    // Why first: it is a lookup for every file a cluster applies, most of them, while finding the
    // first Kubernetes object reads every document of the file.
    for (SourceFile file : analysis.snapshot().files()) {
      Optional<String> why = unreached.why(file.path());
      Optional<Manifest> first =
          why.isEmpty() ? Optional.empty() : file.memo().get(FIRST_OBJECT, () -> firstObject(file));
      if (first.isEmpty()) {
        continue;
      }
      Range top = first.get().meta().apiVersion().range();
      reporter.report(
          finding(file.path(), top, "No cluster applies " + file.path() + ": " + why.get() + "."));
    }
  }

  /** The first Kubernetes object of a file that is not a kustomization file nor another tool's. */
  private static Optional<Manifest> firstObject(SourceFile file) {
    if (dev.strata.model.ManifestReader.isKustomizationFileName(file.name())) {
      return Optional.empty();
    }
    for (Manifest manifest : file.manifests()) {
      if (!(manifest instanceof KustomizeOverlay)
          && YamlSyntaxRule.looksLikeKubernetes(
              "apiVersion: "
                  + manifest.meta().apiVersion().value()
                  + "\nkind: "
                  + manifest.kind())) {
        return Optional.of(manifest);
      }
    }
    return Optional.empty();
  }
}
