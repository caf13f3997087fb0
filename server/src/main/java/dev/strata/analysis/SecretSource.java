package dev.strata.analysis;

import dev.strata.workspace.Applied;
import java.util.Optional;

/**
 * Where a Secret comes from: a SOPS-encrypted Secret, a plaintext one, a template filled by {@code
 * postBuild}, or an ExternalSecret (with its store). {@code namespace} is empty for a
 * ClusterExternalSecret that fans out by selector.
 */
public record SecretSource(
    Optional<String> namespace,
    String name,
    Mechanism mechanism,
    Applied source,
    Optional<String> store) {
  public enum Mechanism {
    SOPS("SOPS"),
    EXTERNAL_SECRET("ExternalSecret"),
    PLAINTEXT("plaintext"),
    TEMPLATE("template");

    private final String label;

    Mechanism(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean produces(SecretUse use) {
    return namespace.isEmpty() ? use.name().equals(name) : use.matches(namespace.get(), name);
  }

  public String qualifiedName() {
    return namespace.filter(n -> !n.isEmpty()).map(n -> n + "/" + name).orElse(name);
  }
}
