package dev.strata.analysis;

import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.Cluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Secret a repository creates, one row each: who produces it and how, its layer, who uses it,
 * and the verdict of the secret rules on it. The repository's own "what secrets go where" table. No
 * value is ever part of a row.
 */
public final class SecretInventory {
  private static final Set<String> SECRET_RULES =
      Set.of(
          "bootstrap-deadlock",
          "custom-resource-before-crd",
          "infrastructure-secret-in-external-secret",
          "application-secret-in-sops",
          "unencrypted-secret",
          "sops-decryption-missing",
          "sops-metadata-encrypted",
          "sops-creation-rule-missing",
          "unknown-secret-store");

  /** One Secret as one cluster creates it. */
  public record Row(
      String cluster,
      String namespace,
      String name,
      SecretSource.Mechanism mechanism,
      Optional<String> store,
      Layer layer,
      List<String> consumers,
      Optional<Severity> verdict,
      Optional<String> rule,
      String file,
      Range range) {
    public String qualifiedName() {
      return namespace.isEmpty() ? name : namespace + "/" + name;
    }
  }

  private SecretInventory() {}

  public static List<Row> of(Analysis analysis, List<Finding> findings) {
    List<Row> rows = new ArrayList<>();
    for (Cluster cluster : analysis.clusters()) {
      ClusterFacts facts = analysis.facts(cluster);
      Layers layers = analysis.layers(cluster);
      for (SecretSource source : facts.sources()) {
        List<String> consumers =
            facts.usesOf(source).stream().map(SecretUse::describe).distinct().sorted().toList();
        Optional<Finding> verdict = verdict(source, findings);
        Row row =
            new Row(
                cluster.name(),
                source.namespace().orElse(""),
                source.name(),
                source.mechanism(),
                source.store(),
                layers.of(source.source()),
                consumers,
                verdict.map(Finding::severity),
                verdict.map(Finding::rule),
                source.source().file(),
                source.source().meta().anchor());
        if (!rows.contains(row)) {
          rows.add(row);
        }
      }
    }
    rows.sort(
        Comparator.comparing(Row::cluster)
            .thenComparing(Row::namespace)
            .thenComparing(Row::name)
            .thenComparing(Row::file));
    return rows;
  }

  private static Optional<Finding> verdict(SecretSource source, List<Finding> findings) {
    Range document = source.source().meta().range();
    return findings.stream()
        .filter(f -> SECRET_RULES.contains(f.rule()))
        .filter(f -> f.file().equals(source.source().file()))
        .filter(
            f ->
                f.range().start().compareTo(document.start()) >= 0
                        && f.range().start().compareTo(document.end()) <= 0
                    || f.range().equals(Range.ZERO))
        .min(Comparator.comparing(Finding::severity));
  }
}
