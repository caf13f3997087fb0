package dev.strata.analysis;

import dev.strata.workspace.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that finds cluster by cluster. What {@link #check(Analysis, Cluster, Reporter)} reports
 * for one cluster must be a function of that cluster and what the analysis derives from it alone
 * (its graph, facts, need graph, deadlocks, layers), the render's bootstrap seeds, the
 * configuration and the cluster's deployed versions: {@link Analysis#findings} keeps it for the
 * next snapshot while the render hands out the same cluster instance, so that an edit in one
 * cluster runs the rule over that cluster only. A rule that reads other files or other clusters is
 * not one.
 */
public interface ClusterRule extends Rule {
  /** What the rule finds in one cluster, in a stable order. */
  void check(Analysis analysis, Cluster cluster, Reporter reporter);

  /**
   * Reports what every cluster found, cluster by cluster in render order; a rule that merges the
   * findings several clusters make at one place overrides this.
   */
  default void report(List<Finding> found, Reporter reporter) {
    found.forEach(reporter::report);
  }

  @Override
  default void check(Analysis analysis, Reporter reporter) {
    List<Finding> found = new ArrayList<>();
    for (Cluster cluster : analysis.clusters()) {
      found.addAll(analysis.findings(this, cluster));
    }
    report(found, reporter);
  }
}
