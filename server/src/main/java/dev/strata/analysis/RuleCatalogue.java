package dev.strata.analysis;

import dev.strata.analysis.rules.ApplicationSecretInSopsRule;
import dev.strata.analysis.rules.BootstrapDeadlockRule;
import dev.strata.analysis.rules.CustomResourceBeforeCrdRule;
import dev.strata.analysis.rules.DependencyCycleRule;
import dev.strata.analysis.rules.DependencyKindMismatchRule;
import dev.strata.analysis.rules.DuplicateObjectRule;
import dev.strata.analysis.rules.FileSkippedRule;
import dev.strata.analysis.rules.InfrastructureSecretInExternalSecretRule;
import dev.strata.analysis.rules.InvalidConfigRule;
import dev.strata.analysis.rules.MissingDependencyRule;
import dev.strata.analysis.rules.MissingPathRule;
import dev.strata.analysis.rules.MissingSecretAlertsRule;
import dev.strata.analysis.rules.NotAppliedRule;
import dev.strata.analysis.rules.RemovedApiVersionRule;
import dev.strata.analysis.rules.SopsCreationRuleMissingRule;
import dev.strata.analysis.rules.SopsDecryptionMissingRule;
import dev.strata.analysis.rules.SopsMetadataEncryptedRule;
import dev.strata.analysis.rules.UndefinedSubstitutionVariableRule;
import dev.strata.analysis.rules.UnencryptedSecretRule;
import dev.strata.analysis.rules.UnknownChartSourceRule;
import dev.strata.analysis.rules.UnknownDependencyRule;
import dev.strata.analysis.rules.UnknownSecretStoreRule;
import dev.strata.analysis.rules.YamlSyntaxRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule Strata runs, in one list that is easy to grep. Ids are stable and never reused. */
public final class RuleCatalogue {
  private static final List<Rule> RULES =
      List.of(
          new YamlSyntaxRule(),
          new DependencyCycleRule(),
          new BootstrapDeadlockRule(),
          new CustomResourceBeforeCrdRule(),
          new UnknownDependencyRule(),
          new DependencyKindMismatchRule(),
          new MissingDependencyRule(),
          new InfrastructureSecretInExternalSecretRule(),
          new ApplicationSecretInSopsRule(),
          new UnencryptedSecretRule(),
          new SopsDecryptionMissingRule(),
          new SopsMetadataEncryptedRule(),
          new SopsCreationRuleMissingRule(),
          new UnknownSecretStoreRule(),
          new UnknownChartSourceRule(),
          new UndefinedSubstitutionVariableRule(),
          new DuplicateObjectRule(),
          new MissingPathRule(),
          new NotAppliedRule(),
          new RemovedApiVersionRule(),
          new InvalidConfigRule(),
          new FileSkippedRule(),
          new MissingSecretAlertsRule());
  private static final Set<String> IDS =
      RULES.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());

  private RuleCatalogue() {}

  public static List<Rule> rules() {
    return RULES;
  }

  public static Set<String> ids() {
    return IDS;
  }

  public static Optional<Rule> find(String id) {
    return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Where the rule's documentation lives, for diagnostics and SARIF. */
  public static String documentationUrl(String id) {
    return "https://strata.dev/rules/" + id;
  }
}
