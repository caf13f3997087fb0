package dev.strata.analysis.fix;

import dev.strata.analysis.AlertMetric;
import dev.strata.analysis.Analysis;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretAlerts;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.ManifestReader;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creates a PrometheusRule with the missing alerts next to the cluster's monitoring configuration
 * (the folder of a PrometheusRule it already applies, else of what installs Prometheus Operator)
 * and lists it in that folder's {@code kustomization.yaml}.
 */
public final class AddSecretAlertsFix implements FixBuilder {
  @Override
  public String rule() {
    return "missing-secret-alerts";
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    for (Cluster cluster : analysis.clusters()) {
      SecretAlerts alerts = SecretAlerts.of(cluster);
      Optional<Applied> operator = alerts.prometheusOperator();
      if (operator.isPresent()
          && operator.get().file().equals(finding.file())
          && operator.get().meta().anchor().equals(finding.range())
          && !alerts.unwatched().isEmpty()) {
        return fix(analysis.snapshot(), alerts, operator.get()).map(List::of).orElse(List.of());
      }
    }
    return List.of();
  }

  private static Optional<Fix> fix(Snapshot snapshot, SecretAlerts alerts, Applied operator) {
    Applied anchor =
        alerts.prometheusRules().isEmpty() ? operator : alerts.prometheusRules().get(0);
    Optional<String> directory = snapshot.file(anchor.file()).map(SourceFile::directory);
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    String folder = directory.get();
    String path = ConvertToSopsFix.join(folder, AlertRuleStub.NAME + ".yaml");
    if (snapshot.exists(path)) {
      return Optional.empty();
    }
    Changes changes = new Changes();
    Optional<SourceFile> kustomization = kustomizationFile(snapshot, folder);
    if (kustomization.isPresent()
        && !list(changes, kustomization.get(), AlertRuleStub.NAME + ".yaml")) {
      return Optional.empty();
    }
    Map<String, String> labels =
        alerts.prometheusRules().isEmpty()
            ? Map.of()
            : new TreeMap<>(alerts.prometheusRules().get(0).meta().labels());
    Optional<String> namespace = Optional.of(anchor.id().namespace()).filter(n -> !n.isEmpty());
    Set<AlertMetric> missing = alerts.unwatched();
    changes.create(path, AlertRuleStub.text(namespace, labels, missing));
    return changes.fix(
        "Create PrometheusRule "
            + AlertRuleStub.NAME
            + " alerting on "
            + String.join(" and ", missing.stream().map(AlertMetric::failure).toList())
            + " in "
            + (folder.isEmpty() ? "the repository root" : folder),
        true,
        false);
  }

  private static Optional<SourceFile> kustomizationFile(Snapshot snapshot, String folder) {
    for (String name : ManifestReader.KUSTOMIZATION_FILE_NAMES) {
      Optional<SourceFile> file = snapshot.file(ConvertToSopsFix.join(folder, name));
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  /** Adds the file after the last {@code resources:} entry; false when there is no such list. */
  private static boolean list(Changes changes, SourceFile file, String name) {
    for (var manifest : file.manifests()) {
      if (manifest instanceof KustomizeOverlay overlay && !overlay.resources().isEmpty()) {
        Optional<YamlMapping.Entry> entry = overlay.meta().node().entry("resources");
        if (entry.isEmpty() || !(entry.get().value() instanceof YamlSequence sequence)) {
          return false;
        }
        Located<String> last = overlay.resources().get(overlay.resources().size() - 1);
        Optional<YamlScalar> item =
            sequence.items().stream()
                .filter(i -> i instanceof YamlScalar && i.range().equals(last.range()))
                .map(YamlScalar.class::cast)
                .findFirst();
        if (item.isEmpty()) {
          return false;
        }
        String entryName = last.value().startsWith("./") ? "./" + name : name;
        ConvertToSopsFix.addResourceAfter(changes.edits(file), sequence, item.get(), entryName);
        return true;
      }
    }
    return false;
  }
}
