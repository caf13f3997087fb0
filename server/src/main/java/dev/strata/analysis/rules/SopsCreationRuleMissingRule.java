package dev.strata.analysis.rules;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Rule;
import dev.strata.model.Manifest;
import dev.strata.model.Severity;
import dev.strata.model.SopsConfig;
import dev.strata.text.Range;
import dev.strata.workspace.SourceFile;
import java.util.Optional;

/**
 * A SOPS file (encrypted, or named {@code *.sops.yaml}) that no {@code creation_rules} entry of the
 * nearest {@code .sops.yaml} matches: sops cannot encrypt it again after an edit. {@code
 * path_regex} is matched relative to the folder of that {@code .sops.yaml}, as sops does.
 */
public final class SopsCreationRuleMissingRule implements Rule {
  @Override
  public String id() {
    return "sops-creation-rule-missing";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A .sops.yaml exists but no creation_rules entry matches this secret file's path.";
  }

  private static final Object SOPS_FILE = new Object();

  /**
   * Encrypted, or named as a SOPS file; kept with the file, since most files of a repository are
   * neither.
   */
  private static boolean isSopsFile(SourceFile file) {
    return UnencryptedSecretRule.isSopsName(file.name())
        || file.manifests().stream().map(Manifest::meta).anyMatch(m -> m.sops().isPresent())
        || file.syntax().documents().stream()
            .anyMatch(d -> d.mapping().flatMap(m -> m.get("sops")).isPresent());
  }

  /**
   * The finding is about the whole file and sits on its first line, which it spans: an empty range
   * is invisible in most viewers. A first line without text reaches to the next line's start.
   */
  static Range firstLine(SourceFile file) {
    var lines = file.syntax().lines();
    int end = lines.lineEnd(0, file.text());
    if (end > 0) {
      return Range.of(0, 0, 0, end);
    }
    return lines.lineCount() > 1 ? Range.of(0, 0, 1, 0) : Range.ZERO;
  }

  @Override
  public void check(Analysis analysis, Reporter reporter) {
    for (SourceFile file :
        analysis
            .snapshot()
            .filesWhere(SOPS_FILE, f -> f.memo().get(SOPS_FILE, () -> isSopsFile(f)))) {
      // sops matches path_regex against the path a file is edited under: a copy reached through a
      // symbolic link is judged by its real file.
      if (analysis.snapshot().layout().realPath(file.path()).isPresent()) {
        continue;
      }
      Optional<SopsConfig> config = analysis.snapshot().sopsConfigFor(file.path());
      if (config.isPresent()
          && config.get().problems().isEmpty()
          && config.get().ruleFor(file.path()).isEmpty()) {
        String location = config.get().path();
        String relative =
            config.get().directory().isEmpty()
                ? file.path()
                : file.path().substring(config.get().directory().length() + 1);
        reporter.report(
            finding(
                file.path(),
                firstLine(file),
                "no creation_rules entry of "
                    + location
                    + " matches "
                    + relative
                    + " (path_regex is matched relative to the folder of "
                    + location
                    + "); `sops --encrypt` and `sops updatekeys` cannot find the keys for it; add a creation rule whose path_regex matches it"));
      }
    }
  }
}
