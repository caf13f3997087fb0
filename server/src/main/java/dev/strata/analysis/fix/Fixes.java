package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import java.util.ArrayList;
import java.util.List;

/** Every fix builder, in one list; the fixes of a finding are those of its rule, then the generic ones. */
public final class Fixes {
  private static final List<FixBuilder> BUILDERS = List.of(new SuppressFix());

  private Fixes() {}

  public static List<Fix> forFinding(Analysis analysis, Finding finding) {
    List<Fix> specific = new ArrayList<>();
    List<Fix> generic = new ArrayList<>();
    for (FixBuilder builder : BUILDERS) {
      if (builder.rule().equals(finding.rule())) {
        specific.addAll(builder.fixes(analysis, finding));
      } else if (builder.rule().equals("*")) {
        generic.addAll(builder.fixes(analysis, finding));
      }
    }
    specific.addAll(generic);
    return specific;
  }
}
