package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterFacts;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Finding;
import dev.strata.analysis.SecretSource;
import dev.strata.analysis.SecretUse;
import dev.strata.model.Severity;
import dev.strata.model.StrataConfig;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ExternalSecret that delivers a Secret infrastructure consumes (store credentials, CSI and Ceph
 * secrets, CA keys, database superuser and bootstrap secrets, Flux decryption and source
 * credentials, backup keys), or that sits in an infrastructure layer named in {@code .strata.yaml}.
 * Such secrets belong in SOPS so the cluster can be rebuilt while the secret provider is down.
 * Bootstrap deadlocks are reported by their own rule instead.
 */
public final class InfrastructureSecretInExternalSecretRule implements ClusterRule {
  @Override
  public String id() {
    return "infrastructure-secret-in-external-secret";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "An ExternalSecret delivers a secret that infrastructure consumes: keep it in SOPS.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    StrataConfig config = analysis.snapshot().config();
    ClusterFacts facts = analysis.facts(cluster);
    Set<Applied> deadlocked = new java.util.HashSet<>();
    java.util.Map<Applied, dev.strata.analysis.Deadlock> seeded = new java.util.HashMap<>();
    for (dev.strata.analysis.Deadlock deadlock : analysis.deadlocks(cluster)) {
      if (deadlock.type() == dev.strata.analysis.Deadlock.Type.SECRET) {
        if (deadlock.seeded()) {
          seeded.put(deadlock.anchor(), deadlock);
        } else {
          deadlocked.add(deadlock.anchor());
        }
      }
    }
    for (SecretSource source : facts.sources()) {
      if (source.mechanism() != SecretSource.Mechanism.EXTERNAL_SECRET
          || deadlocked.contains(source.source())) {
        continue;
      }
      Applied external = source.source();
      dev.strata.analysis.Deadlock cycle = seeded.get(external);
      if (cycle != null) {
        dev.strata.workspace.Origin seed = cycle.seed().orElseThrow();
        reporter.report(
            finding(
                external.file(),
                BootstrapDeadlockRule.anchor(external),
                "Only a bootstrap step outside Git ("
                    + seed.file()
                    + ":"
                    + (seed.range().start().line() + 1)
                    + ") keeps this cluster starting: the Secret this ExternalSecret makes is"
                    + " needed before External Secrets can make it. "
                    + cycle.walk()
                    + ". With the secret provider down the cluster cannot be rebuilt from Git;"
                    + " keep this secret in SOPS.",
                BootstrapDeadlockRule.related(cycle)));
        continue;
      }
      Optional<SecretUse> infrastructure =
          facts.usesOf(source).stream()
              .filter(u -> u.role() == SecretUse.Role.INFRASTRUCTURE)
              .findFirst();
      if (infrastructure.isPresent()) {
        reporter.report(
            finding(
                external.file(),
                BootstrapDeadlockRule.anchor(external),
                "Secret "
                    + source.qualifiedName()
                    + ", which this ExternalSecret produces, is infrastructure: "
                    + infrastructure.get().describe()
                    + " needs it. Keep it in SOPS so the cluster can be rebuilt while the secret provider is down.",
                List.of(
                    Finding.Related.of(
                        infrastructure.get().at(),
                        infrastructure.get().describe() + " needs this Secret"))));
      } else if (configuredInfrastructure(config, cluster, external)) {
        reporter.report(
            finding(
                external.file(),
                BootstrapDeadlockRule.anchor(external),
                "this ExternalSecret sits in an infrastructure layer named in .strata.yaml; infrastructure secrets belong in SOPS"));
      }
    }
  }

  @Override
  public void report(List<Finding> found, Reporter reporter) {
    SameSpot.merge(found, reporter);
  }

  private static boolean configuredInfrastructure(
      StrataConfig config, Cluster cluster, Applied external) {
    if (config.infrastructureNamespaces().contains(external.id().namespace())) {
      return true;
    }
    return config.infrastructurePaths().stream()
        .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
        .anyMatch(m -> m.matches(Path.of(external.file())));
  }
}
