package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterFacts;
import dev.strata.analysis.ClusterRule;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ExternalContent;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * An ExternalSecret whose {@code secretStoreRef} names no SecretStore (in its namespace) or
 * ClusterSecretStore in the cluster: it never syncs. Names with {@code ${VAR}} are not judged, nor
 * stores that a build of a source outside the repository may define.
 */
public final class UnknownSecretStoreRule implements ClusterRule {
  @Override
  public String id() {
    return "unknown-secret-store";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "secretStoreRef names no SecretStore or ClusterSecretStore in the cluster.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    ExternalContent outside = new ExternalContent(cluster);
    ClusterFacts facts = analysis.facts(cluster);
    for (Applied applied : cluster.objects()) {
      if (!(applied.manifest() instanceof ExternalSecret external)) {
        continue;
      }
      List<ExternalSecret.StoreRef> refs = new ArrayList<>(external.entryStores());
      external.storeRef().ifPresent(refs::add);
      for (ExternalSecret.StoreRef ref : refs) {
        if (external.cluster() && !ref.clusterStore()) {
          continue;
        }
        ObjectId store = facts.storeOf(applied, ref);
        if (store.unresolved()
            || !cluster.find(store).isEmpty()
            || outside.mayDefine(store.kind(), store.namespace())) {
          continue;
        }
        reporter.report(
            finding(applied.file(), ref.name().range(), message(cluster, applied, store)));
      }
    }
  }

  private static String message(Cluster cluster, Applied applied, ObjectId store) {
    String where = store.kind().equals("SecretStore") ? " in namespace " + store.namespace() : "";
    List<String> known =
        cluster.ids().stream()
            .filter(
                id ->
                    id.kind().equals(store.kind())
                        && (store.namespace().isEmpty()
                            || id.namespace().equals(store.namespace())))
            .map(ObjectId::name)
            .sorted()
            .toList();
    String text =
        applied.id().kind()
            + " "
            + applied.id().qualifiedName()
            + " reads from "
            + store.kind()
            + " "
            + store.name()
            + ", but no "
            + store.kind()
            + " of that name exists"
            + where
            + " in cluster "
            + cluster.name()
            + "; it never syncs";
    return known.isEmpty() ? text : text + " (known: " + String.join(", ", known) + ")";
  }
}
