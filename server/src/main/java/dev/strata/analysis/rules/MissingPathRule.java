package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.model.Severity;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.PathReference;

/**
 * A Flux {@code spec.path} or a kustomize {@code resources:}/{@code components:} entry that names
 * nothing the build can use: a missing file or folder, a folder without a kustomization file, a
 * file where a folder is needed, or a path that leaves the repository. Remote resources are not
 * checked.
 */
public final class MissingPathRule implements ClusterRule {
  @Override
  public String id() {
    return "missing-path";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A spec.path, resources: or components: entry that names no usable file or folder.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    for (PathReference reference : cluster.references()) {
      message(reference)
          .ifPresent(m -> reporter.report(finding(reference.file(), reference.range(), m)));
    }
  }

  private static java.util.Optional<String> message(PathReference reference) {
    String written = "\"" + reference.written() + "\"";
    return java.util.Optional.ofNullable(
        switch (reference.status()) {
          case MISSING ->
              written + " does not exist (resolved to " + reference.target() + "); the build fails";
          case OUTSIDE_REPOSITORY ->
              written + " points outside the repository, where Flux cannot read";
          case NOT_A_KUSTOMIZATION ->
              written
                  + " is a folder without kustomization.yaml; kustomize needs one to use a folder as a resource";
          case NOT_A_DIRECTORY -> written + " is a file; spec.path must name a folder";
          case EXCLUDED ->
              written
                  + " ("
                  + reference.target()
                  + ") is left out of the source's artifact by its ignore rules"
                  + " (spec.ignore or .sourceignore); the build fails";
          case FOUND, REMOTE -> null;
        });
  }
}
