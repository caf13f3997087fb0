package dev.strata.analysis.fix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Finding;
import java.util.List;

/** The shape every fix test follows: find, fix, compare the files, analyse again. */
final class FixTesting {
  static final String ROOT =
      """
      #- clusters/home/apps.yaml
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        interval: 1h
        path: ./apps
        prune: true
        sourceRef: {kind: GitRepository, name: flux-system}
      """;

  private FixTesting() {}

  /**
   * Applies the fix titled {@code title...} of the one {@code rule} finding in {@code file}, checks
   * the files against {@code expected} byte for byte, and checks that the finding is gone
   * afterwards.
   */
  static Repo assertFix(Repo before, String rule, String file, String title, Repo expected) {
    Finding finding = before.finding(rule, file);
    Repo after = before.apply(before.fix(finding, title));
    after.assertSame(expected);
    List<Finding> again = after.findings(rule);
    assertTrue(
        again.stream()
            .noneMatch(
                f -> f.file().equals(finding.file()) && f.message().equals(finding.message())),
        () -> "still reported: " + again);
    return after;
  }
}
