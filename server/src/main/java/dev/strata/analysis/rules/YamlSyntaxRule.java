package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.syntax.SyntaxProblem;
import dev.strata.workspace.FileNote;
import dev.strata.workspace.SourceFile;

/**
 * Text that is not valid YAML, or not valid UTF-8; the rest of the workspace is still analysed. An
 * error where a cluster builds the file (the build fails there); a warning in a file no cluster
 * builds that looks like Kubernetes objects (it would fail once listed); silent for everything
 * else: generator inputs, helmfiles, Ansible, CI workflows and other YAML that Flux never reads.
 * {@code .strata.yaml} and {@code .sops.yaml} are always read, so always an error.
 */
public final class YamlSyntaxRule implements Rule {
  @Override
  public String id() {
    return "yaml-syntax";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Text that is not valid YAML; the rest of the workspace is still analysed.";
  }

  private static final java.util.regex.Pattern API_VERSION =
      java.util.regex.Pattern.compile(
          "(?m)^apiVersion:\\s*[\"']?(v1|(apps|batch|autoscaling|policy)/v\\w+|[a-z0-9-]+(\\.[a-z0-9-]+)+/v\\w+)[\"']?\\s*$");
  private static final java.util.regex.Pattern KIND =
      java.util.regex.Pattern.compile("(?m)^kind:\\s*\\S+");

  /** Whether a file's text looks like Kubernetes, kept with the file (a pass over its text). */
  private static final Object KUBERNETES = new Object();

  private static final Object TROUBLED = new Object();

  /** True when the file has something to report: a syntax problem or an encoding note. */
  private static boolean troubled(SourceFile file) {
    return !file.syntax().problems().isEmpty()
        || file.notes().stream().anyMatch(n -> n.kind() == FileNote.Kind.ENCODING);
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    dev.strata.workspace.RenderTree render = analysis.snapshot().render();
    for (SourceFile file : analysis.snapshot().filesWhere(TROUBLED, YamlSyntaxRule::troubled)) {
      if (render.data(file.path())) {
        continue;
      }
      Severity severity;
      boolean configuration =
          file.path().equals(analysis.snapshot().configPath())
              || dev.strata.model.SopsConfig.isConfigName(file.name());
      if (render.applied(file.path()) || configuration) {
        severity = Severity.ERROR;
      } else if (file.memo().get(KUBERNETES, () -> looksLikeKubernetes(file.text()))) {
        // Without any cluster nothing tells what is applied: a manifest may be applied.
        severity = render.clusters().isEmpty() ? Severity.ERROR : Severity.WARNING;
      } else {
        continue;
      }
      for (SyntaxProblem problem : file.syntax().problems()) {
        reporter.report(finding(file.path(), problem.range(), problem.message(), severity));
      }
      for (FileNote note : file.notes()) {
        if (note.kind() == FileNote.Kind.ENCODING) {
          reporter.report(finding(file.path(), note.range(), note.message(), severity));
        }
      }
    }
  }

  /**
   * Top-level {@code apiVersion} and {@code kind} of a Kubernetes API ({@code v1}, a built-in group
   * or a dotted one): Talos' {@code v1alpha1} and other tools' documents are not.
   */
  static boolean looksLikeKubernetes(String text) {
    return API_VERSION.matcher(text).find() && KIND.matcher(text).find();
  }
}
