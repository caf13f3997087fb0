package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Deadlock;
import dev.strata.analysis.Finding;
import dev.strata.analysis.NeedGraph;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle of the need graph through a Secret an ExternalSecret makes (the chicken-and-egg of
 * External Secrets), or through an input of a build that only the build, or something waiting for
 * it, creates: on a fresh cluster none of it ever becomes ready. Nothing else is a deadlock,
 * however the Kustomizations are laid out. When a bootstrap step seeds the cycle open, {@code
 * infrastructure-secret-in-external-secret} says so instead. The message walks the cycle.
 */
public final class BootstrapDeadlockRule implements ClusterRule {
  @Override
  public String id() {
    return "bootstrap-deadlock";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A cycle of what must be ready before what, through a Secret an ExternalSecret makes or a"
        + " build input only the build creates: a fresh cluster never starts.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    for (Deadlock deadlock : analysis.deadlocks(cluster)) {
      if (deadlock.seeded() || deadlock.type() == Deadlock.Type.CRD) {
        continue;
      }
      dev.strata.workspace.Origin at = origin(deadlock);
      reporter.report(finding(at.file(), at.range(), message(deadlock), related(deadlock)));
    }
  }

  @Override
  public void report(List<Finding> found, Reporter reporter) {
    SameSpot.merge(found, reporter);
  }

  /**
   * Where to report: on the build's own reference for a build input (the {@code substituteFrom} or
   * {@code decryption} line), on the ExternalSecret's target otherwise.
   */
  private static dev.strata.workspace.Origin origin(Deadlock deadlock) {
    if (deadlock.type() == Deadlock.Type.BUILD_INPUT) {
      for (NeedGraph.Edge edge : deadlock.cycle()) {
        if (edge.cause() == NeedGraph.Cause.BUILD_INPUT
            && edge.from().id().equals(deadlock.anchor().id())
            && edge.at().file().equals(deadlock.anchor().file())) {
          return edge.at();
        }
      }
    }
    return new dev.strata.workspace.Origin(deadlock.anchor().file(), anchor(deadlock.anchor()));
  }

  static Range anchor(Applied applied) {
    if (applied.manifest() instanceof ExternalSecret secret) {
      return secret.target().map(t -> t.range()).orElse(applied.meta().anchor());
    }
    return applied.meta().anchor();
  }

  private static String message(Deadlock deadlock) {
    String subject =
        deadlock.type() == Deadlock.Type.SECRET
            ? "The Secret this ExternalSecret makes is needed before External Secrets can make it"
            : "Kustomization "
                + deadlock.anchor().id().qualifiedName()
                + " needs, to build, what only it or something waiting for it creates";
    String fix =
        deadlock.type() == Deadlock.Type.SECRET
            ? " Keep this secret in SOPS, or create it before Flux runs."
            : " Create that input outside this build (in SOPS, in an earlier Kustomization, or before"
                + " Flux runs), or make the reference optional.";
    return subject
        + ": on a fresh cluster none of this ever becomes ready. "
        + deadlock.walk()
        + "."
        + fix;
  }

  static List<Finding.Related> related(Deadlock deadlock) {
    List<Finding.Related> related = new ArrayList<>();
    for (NeedGraph.Edge edge : deadlock.steps()) {
      related.add(Finding.Related.of(edge.at(), edge.from() + " only once " + edge.to()));
    }
    return related;
  }
}
