package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterRule;
import dev.strata.analysis.DeployedVersions;
import dev.strata.analysis.Finding;
import dev.strata.analysis.PostBuildVariables;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Severity;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code ${VAR}} that Flux substitutes but nothing defines. kustomize-controller substitutes the
 * objects of a Kustomization with {@code spec.postBuild} ({@code kustomization_controller.go}
 * L816-820) once at least one variable is defined or {@code substituteStrategy} is {@code Always}
 * (fluxcd/pkg {@code kustomize/kustomize_varsub.go} L136-146), skipping objects labelled or
 * annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} (L107-109). An undefined
 * variable read without a default fails the build in strict mode, the default from Flux 2.9
 * (kustomize-controller {@code internal/features/features.go} L82-84), and becomes an empty string
 * before (L199-205): an error or a warning by the deployed Flux version. Where some {@code
 * substituteFrom} source's keys are not known, nothing is said. Without substitution, a {@code
 * ${VAR}} reaches the cluster as literal text: info.
 */
public final class UndefinedSubstitutionVariableRule implements ClusterRule {
  private static final String DISABLE = "kustomize.toolkit.fluxcd.io/substitute";

  @Override
  public String id() {
    return "undefined-substitution-variable";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A ${VAR} without default that no postBuild substitute or substituteFrom source"
        + " defines: empty before Flux 2.9, a build failure from Flux 2.9.";
  }

  @Override
  public void check(Analysis analysis, Cluster cluster, Reporter reporter) {
    Optional<DeployedVersions.Release> flux = analysis.deployed(cluster).flux();
    Map<ObjectId, PostBuildVariables> variables = new HashMap<>();
    for (Applied applied : cluster.objects()) {
      Optional<AppliedKustomization> owner = cluster.ownerOf(applied);
      if (owner.isEmpty() || disabled(applied)) {
        continue;
      }
      Optional<SourceFile> file = analysis.snapshot().file(applied.file());
      // A generated object (its document is the kustomization that generates it) is left out, as
      // PostBuildVariables.generator tells; asked of the file looked up once.
      if (file.isEmpty()
          || file.get().manifest(applied.meta().document()).orElse(null)
              instanceof KustomizeOverlay) {
        continue;
      }
      VariableSites sites =
          VariableSites.memoised(
              applied.meta().node(),
              file.get(),
              applied.meta().encrypted(),
              analysis.snapshot().carried());
      if (sites.sites().isEmpty() && sites.problem().isEmpty()) {
        continue;
      }
      AppliedKustomization kustomization = owner.get();
      if (!kustomization.postBuild().present()) {
        literal(applied, sites, kustomization, "has no spec.postBuild").ifPresent(reporter::report);
        continue;
      }
      PostBuildVariables defined =
          variables.computeIfAbsent(
              kustomization.id(),
              id ->
                  PostBuildVariables.of(
                      analysis.snapshot(), cluster, analysis.facts(cluster), kustomization));
      check(applied, sites, defined, flux, reporter);
    }
  }

  @Override
  public void report(List<Finding> found, Reporter reporter) {
    SameSpot.merge(found, reporter);
  }

  private void check(
      Applied applied,
      VariableSites sites,
      PostBuildVariables variables,
      Optional<DeployedVersions.Release> flux,
      Reporter reporter) {
    Optional<Boolean> runs = runs(variables);
    if (runs.isPresent() && !runs.get()) {
      literal(
              applied,
              sites,
              variables.kustomization(),
              "has a spec.postBuild that defines no variable and no substituteStrategy: Always, so"
                  + " substitution does not run")
          .ifPresent(reporter::report);
      return;
    }
    if (sites.problem().isPresent()) {
      if (runs.isPresent()) {
        VariableSites.Problem problem = sites.problem().get();
        reporter.report(
            finding(
                applied.file(),
                problem.range(),
                "Flux cannot parse this ${...} ("
                    + problem.message()
                    + "): Kustomization "
                    + where(variables.kustomization())
                    + " substitutes this object, so its whole build fails in every Flux version;"
                    + " write $${ for a literal ${",
                List.of(applies(variables.kustomization())),
                Severity.ERROR));
      }
      return;
    }
    if (!variables.known()) {
      return;
    }
    Set<String> defined = variables.defined();
    Map<String, List<VariableSites.Site>> undefined = new LinkedHashMap<>();
    for (VariableSites.Site site : sites.sites()) {
      String name = site.reference().name();
      if (site.reference().required() && !defined.contains(name)) {
        undefined.computeIfAbsent(name, n -> new ArrayList<>()).add(site);
      }
    }
    undefined.forEach((name, at) -> reporter.report(undefined(applied, name, at, variables, flux)));
  }

  /** Whether substitution runs: empty when it depends on keys that are not known. */
  private static Optional<Boolean> runs(PostBuildVariables variables) {
    if (variables.kustomization().postBuild().always() || !variables.defined().isEmpty()) {
      return Optional.of(true);
    }
    return variables.known() ? Optional.of(false) : Optional.empty();
  }

  private Finding undefined(
      Applied applied,
      String name,
      List<VariableSites.Site> at,
      PostBuildVariables variables,
      Optional<DeployedVersions.Release> flux) {
    AppliedKustomization kustomization = variables.kustomization();
    List<Finding.Related> related = new ArrayList<>();
    related.add(applies(kustomization));
    for (PostBuildVariables.Source source : variables.sources()) {
      source
          .origin()
          .ifPresent(
              o -> related.add(Finding.Related.of(o, source.description() + " is made here")));
    }
    String times = at.size() == 1 ? "" : " (used " + at.size() + " times in this object)";
    String message =
        "${"
            + name
            + "} is not defined"
            + times
            + ": Kustomization "
            + where(kustomization)
            + " substitutes "
            + sources(variables)
            + ", and none defines "
            + name
            + "; "
            + outcome(flux);
    return finding(applied.file(), at.get(0).range(), message, related, severity(flux));
  }

  /** Error where strict substitution is on (Flux 2.9 and later), else warning. */
  static Severity severity(Optional<DeployedVersions.Release> flux) {
    return flux.filter(f -> f.atLeast("2.9.0")).isPresent() ? Severity.ERROR : Severity.WARNING;
  }

  static String outcome(Optional<DeployedVersions.Release> flux) {
    if (flux.isEmpty()) {
      return "the Flux version is not known: before Flux 2.9 Flux applies it as an empty string;"
          + " from Flux 2.9, whose kustomize-controller has StrictPostBuildSubstitutions on by"
          + " default, the whole build fails, and this is an error";
    }
    if (flux.get().atLeast("2.9.0")) {
      return flux.get().describe()
          + " fails the whole build (StrictPostBuildSubstitutions, on by default from Flux 2.9:"
          + " variable not set)";
    }
    return flux.get().describe()
        + " applies it as an empty string (strict substitution is off by default before Flux 2.9;"
        + " from Flux 2.9 the build fails)";
  }

  private static String sources(PostBuildVariables variables) {
    List<String> parts = new ArrayList<>();
    if (!variables.inline().isEmpty()) {
      parts.add(
          "postBuild.substitute (" + String.join(", ", new TreeSet<>(variables.inline())) + ")");
    }
    for (PostBuildVariables.Source source : variables.sources()) {
      parts.add(
          source.description()
              + source.origin().map(o -> " (" + line(o) + ")").orElse("")
              + (source.reference().optional() ? ", optional" : ""));
    }
    if (parts.isEmpty()) {
      return "with substituteStrategy: Always and no variable";
    }
    return String.join(" and ", parts);
  }

  private Optional<Finding> literal(
      Applied applied, VariableSites sites, AppliedKustomization kustomization, String why) {
    if (sites.sites().isEmpty() || applied.id().kind().equals("CustomResourceDefinition")) {
      // A CRD's ${...} is schema documentation (Flux's own describe ${var}), never meant for Flux.
      return Optional.empty();
    }
    VariableSites.Site first = sites.sites().get(0);
    int others = sites.sites().size() - 1;
    String message =
        "${"
            + first.reference().name()
            + "}"
            + (others == 0 ? " reaches" : " and " + others + " other ${...} in this object reach")
            + " the cluster as literal text: Kustomization "
            + where(kustomization)
            + " "
            + why
            + "; add the variable to postBuild.substitute if Flux should fill it, or mark the"
            + " object kustomize.toolkit.fluxcd.io/substitute: disabled if the text is meant"
            + " literally";
    return Optional.of(
        finding(
            applied.file(),
            first.range(),
            message,
            List.of(applies(kustomization)),
            Severity.INFO));
  }

  private static boolean disabled(Applied applied) {
    return "disabled".equals(applied.labels().get(DISABLE))
        || "disabled".equals(applied.annotations().get(DISABLE));
  }

  private static Finding.Related applies(AppliedKustomization kustomization) {
    return Finding.Related.of(
        kustomization.applied().origin(),
        "Kustomization " + kustomization.id().qualifiedName() + " applies this object");
  }

  private static String where(AppliedKustomization kustomization) {
    return kustomization.id().qualifiedName() + " (" + line(kustomization.applied().origin()) + ")";
  }

  private static String line(Origin origin) {
    return origin.file() + ":" + (origin.range().start().line() + 1);
  }

  private Finding finding(
      String file,
      dev.strata.text.Range range,
      String message,
      List<Finding.Related> related,
      Severity severity) {
    return new Finding(id(), severity, file, range, message, related);
  }
}
