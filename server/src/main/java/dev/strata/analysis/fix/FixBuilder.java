package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import java.util.List;

/** Builds the fixes of one rule's findings. */
public interface FixBuilder {
  /** The rule whose findings this builder repairs, or {@code *} for every rule. */
  String rule();

  List<Fix> fixes(Analysis analysis, Finding finding);
}
