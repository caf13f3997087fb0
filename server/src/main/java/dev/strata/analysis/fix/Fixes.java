package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fix builder, in one list; the fixes of a finding are those of its rule, then the generic
 * ones.
 */
public final class Fixes {
  private static final List<FixBuilder> BUILDERS =
      List.of(
          new ConvertToSopsFix("bootstrap-deadlock"),
          new ConvertToSopsFix("infrastructure-secret-in-external-secret"),
          new AddDependsOnFix(),
          new RemoveDependsOnFix(),
          new UnknownDependencyFix(),
          new AddDecryptionFix(),
          new AddSecretAlertsFix(),
          new SuppressFix());

  private Fixes() {}

  public static List<Fix> forFinding(Analysis analysis, Finding finding) {
    List<Fix> specific = new ArrayList<>();
    List<Fix> generic = new ArrayList<>();
    for (FixBuilder builder : BUILDERS) {
      if (builder.rule().equals(finding.rule())) {
        specific.addAll(safely(builder, analysis, finding));
      } else if (builder.rule().equals("*")) {
        generic.addAll(safely(builder, analysis, finding));
      }
    }
    specific.addAll(generic);
    return specific;
  }

  /** A builder that fails on a shape it did not foresee offers nothing; the others still do. */
  private static List<Fix> safely(FixBuilder builder, Analysis analysis, Finding finding) {
    try {
      return builder.fixes(analysis, finding);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Fixes offered without a finding on a range of a file: "Convert to SOPS Secret" on any
   * ExternalSecret.
   */
  public static List<Fix> refactors(Analysis analysis, String file, Range range) {
    try {
      return ConvertToSopsFix.refactors(analysis, file, range);
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
