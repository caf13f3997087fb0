package dev.strata.cli;

import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.workspace.DiskLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each real file reported once, under its path in the repository. A folder reached through a
 * symbolic link inside the root is read under both paths, so that rendering follows the link as
 * kustomize does; here a finding in a linked copy moves to the real file, and goes when the real
 * file already has the same finding.
 */
final class RealFiles {
  private RealFiles() {}

  static List<Finding> reportOnce(List<Finding> findings, DiskLayout layout) {
    if (layout.aliases().isEmpty()) {
      return findings;
    }
    Set<String> seen = new HashSet<>();
    List<Finding> direct = new ArrayList<>();
    List<Finding> linked = new ArrayList<>();
    for (Finding finding : findings) {
      (layout.realPath(finding.file()).isPresent() ? linked : direct).add(finding);
    }
    List<Finding> result = new ArrayList<>();
    for (Finding finding : direct) {
      Finding real = real(finding, layout);
      seen.add(key(real));
      result.add(real);
    }
    for (Finding finding : linked) {
      Finding real = real(finding, layout);
      if (seen.add(key(real))) {
        result.add(real);
      }
    }
    result.sort(Analyzer.ORDER);
    return result;
  }

  /** The number of files read, each real file once. */
  static int count(int files, DiskLayout layout) {
    return files - layout.aliases().size();
  }

  private static Finding real(Finding finding, DiskLayout layout) {
    List<Finding.Related> related = new ArrayList<>();
    for (Finding.Related r : finding.related()) {
      related.add(
          new Finding.Related(layout.realPath(r.file()).orElse(r.file()), r.range(), r.message()));
    }
    return new Finding(
        finding.rule(),
        finding.severity(),
        layout.realPath(finding.file()).orElse(finding.file()),
        finding.range(),
        finding.message(),
        related);
  }

  private static String key(Finding finding) {
    return finding.rule() + "\u0000" + finding.file() + "\u0000" + finding.range();
  }
}
