package dev.strata.intellij.settings;

import java.util.List;

/**
 * The server's rule ids, in the order of docs/lsp-extensions.md; the settings page shows one row
 * each. A test reads that page so that this list and the documentation cannot drift apart.
 */
public final class RuleIds {

  public static final List<String> ALL =
      List.of(
          "yaml-syntax",
          "dependency-cycle",
          "bootstrap-deadlock",
          "custom-resource-before-crd",
          "unknown-dependency",
          "dependency-kind-mismatch",
          "missing-dependency",
          "infrastructure-secret-in-external-secret",
          "application-secret-in-sops",
          "unencrypted-secret",
          "sops-decryption-missing",
          "sops-metadata-encrypted",
          "sops-creation-rule-missing",
          "unknown-secret-store",
          "unknown-chart-source",
          "undefined-substitution-variable",
          "duplicate-object",
          "missing-path",
          "not-applied",
          "removed-api-version",
          "invalid-config",
          "file-skipped",
          "missing-secret-alerts");

  private RuleIds() {}
}
