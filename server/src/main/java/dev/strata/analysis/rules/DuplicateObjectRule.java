package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.Finding;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object (group, kind, namespace, name) applied by two Flux Kustomizations of one cluster, or
 * twice in the build of one. Two Kustomizations fight over it: each apply rewrites its ownership
 * labels (fluxcd/pkg {@code ssa/manager.go} {@code SetOwnerLabels}) and its spec, and the one that
 * wrote the labels last deletes it when it prunes it, since garbage collection deletes only objects
 * whose labels name the pruning Kustomization ({@code ssa/manager_delete.go} {@code Delete},
 * kustomize-controller {@code deleteObjects}). Definitions marked {@code
 * kustomize.toolkit.fluxcd.io/ssa: IfNotPresent} are skipped once the object exists ({@code
 * ssa/manager_apply.go} {@code shouldSkipApply}), so they fight with nobody. Twice in one build,
 * kustomize refuses the second copy and the whole build fails.
 */
public final class DuplicateObjectRule implements ClusterRule {
  private static final String SSA = "kustomize.toolkit.fluxcd.io/ssa";

  @Override
  public String id() {
    return "duplicate-object";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "One object applied by two Kustomizations of a cluster, or twice in one kustomize build.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    for (List<Applied> definitions : byIdentity(cluster).values()) {
      reportShared(cluster, definitions, reporter);
    }
    reportBuildDuplicates(cluster, reporter);
  }

  /** The objects Kustomizations of the cluster apply, by group and identity. */
  private static Map<String, List<Applied>> byIdentity(Cluster cluster) {
    Map<String, List<Applied>> result = new LinkedHashMap<>();
    for (Applied applied : cluster.objects()) {
      if (cluster.ownerOf(applied).isEmpty()
          || applied.id().unresolved()
          || ifNotPresent(applied)) {
        continue;
      }
      result
          .computeIfAbsent(applied.meta().group() + " " + applied.id(), k -> new ArrayList<>())
          .add(applied);
    }
    return result;
  }

  private static boolean ifNotPresent(Applied applied) {
    return "IfNotPresent".equalsIgnoreCase(applied.meta().annotations().getOrDefault(SSA, ""))
        || "IfNotPresent".equalsIgnoreCase(applied.labels().getOrDefault(SSA, ""));
  }

  private void reportShared(Cluster cluster, List<Applied> definitions, Reporter reporter) {
    Map<ObjectId, Applied> byOwner = new LinkedHashMap<>();
    for (Applied applied : definitions) {
      byOwner.putIfAbsent(applied.owner().orElseThrow(), applied);
    }
    if (byOwner.size() < 2) {
      return;
    }
    List<Applied> firsts = List.copyOf(byOwner.values());
    ObjectContent.Comparison comparison = ObjectContent.compare(firsts);
    Applied any = firsts.get(0);
    String message =
        any.id().kind()
            + " "
            + any.id().qualifiedName()
            + " is applied by "
            + byOwner.size()
            + " Kustomizations of cluster "
            + cluster.name()
            + ": "
            + owners(cluster, byOwner.keySet())
            + "; "
            + comparison.describe()
            + ". Each reconciliation also rewrites its kustomize.toolkit.fluxcd.io/name and"
            + " namespace labels, and the Kustomization that wrote them last deletes "
            + deleted(any)
            + " when it prunes it (the object left its source, or the Kustomization was deleted)"
            + " while the other still applies it; keep one definition, in a Kustomization the"
            + " others depend on";
    Severity severity = comparison.differs() ? Severity.ERROR : Severity.WARNING;
    Set<String> documents = new HashSet<>();
    for (Applied definition : definitions) {
      if (!documents.add(definition.file() + "#" + definition.meta().document())) {
        continue;
      }
      List<Finding.Related> related = new ArrayList<>();
      for (Applied other : firsts) {
        if (!sameDocument(other, definition)) {
          related.add(Finding.Related.of(other.origin(), "also applied here"));
        }
      }
      for (ObjectId owner : byOwner.keySet()) {
        cluster
            .kustomization(owner)
            .ifPresent(
                k ->
                    related.add(
                        Finding.Related.of(
                            k.applied().origin(), "Kustomization " + owner.qualifiedName())));
      }
      reporter.report(
          new Finding(
              id(), severity, definition.file(), definition.meta().anchor(), message, related));
    }
  }

  /** What a prune deletes: a Namespace takes its content along, a CRD every object of its kind. */
  private static String deleted(Applied applied) {
    String group = applied.meta().group();
    if (applied.id().kind().equals("Namespace") && group.isEmpty()) {
      return "the Namespace and everything in it";
    }
    if (applied.id().kind().equals("CustomResourceDefinition")
        && group.equals("apiextensions.k8s.io")) {
      return "the CustomResourceDefinition and every object of its kind";
    }
    return "it";
  }

  private static String owners(Cluster cluster, Set<ObjectId> owners) {
    List<String> names = new ArrayList<>();
    for (ObjectId owner : owners) {
      Optional<AppliedKustomization> k = cluster.kustomization(owner);
      names.add(owner.qualifiedName() + k.map(a -> " (" + a.applied().file() + ")").orElse(""));
    }
    return String.join(", ", names);
  }

  private static boolean sameDocument(Applied a, Applied b) {
    return a.file().equals(b.file()) && a.meta().document() == b.meta().document();
  }

  /** kustomize refuses the same id twice in one build; nested builds report a pair once. */
  private void reportBuildDuplicates(Cluster cluster, Reporter reporter) {
    Set<Cluster.BuildDuplicate> seen = new HashSet<>();
    for (Cluster.BuildDuplicate duplicate : cluster.duplicates()) {
      if (duplicate.object().unresolved() || !seen.add(duplicate)) {
        continue;
      }
      boolean same = duplicate.first().equals(duplicate.second());
      String where =
          same
              ? duplicate.first().file() + ", reached twice"
              : duplicate.first().file() + " and " + duplicate.second().file();
      String message =
          duplicate.object()
              + " is twice in the build of Kustomization "
              + duplicate.owner().qualifiedName()
              + " ("
              + where
              + "): kustomize fails the whole build (\"may not add resource with an already"
              + " registered id\"), so Flux applies nothing of it; keep one copy";
      List<Finding.Related> related = new ArrayList<>();
      cluster
          .kustomization(duplicate.owner())
          .ifPresent(
              k ->
                  related.add(
                      Finding.Related.of(
                          k.applied().origin(),
                          "Kustomization " + duplicate.owner().qualifiedName())));
      if (same) {
        reporter.report(
            finding(duplicate.first().file(), duplicate.first().range(), message, related));
        continue;
      }
      List<Finding.Related> onFirst = new ArrayList<>(related);
      onFirst.add(0, Finding.Related.of(duplicate.second(), "also in the build here"));
      reporter.report(
          finding(duplicate.first().file(), duplicate.first().range(), message, onFirst));
      List<Finding.Related> onSecond = new ArrayList<>(related);
      onSecond.add(0, Finding.Related.of(duplicate.first(), "also in the build here"));
      reporter.report(
          finding(duplicate.second().file(), duplicate.second().range(), message, onSecond));
    }
  }
}
