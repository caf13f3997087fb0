package dev.strata.analysis;

import dev.strata.workspace.Applied;
import dev.strata.workspace.Origin;
import java.util.Optional;

/**
 * An object that needs a Secret by name: {@code namespace} is empty when the field does not fix one
 * (a ClusterIssuer's secrets live in cert-manager's namespace, whatever it is). {@code role} says
 * whether the field is infrastructure by nature (store credentials, CSI, CA keys, database
 * superuser, Flux decryption, backups) or an ordinary workload whose weight depends on its layer.
 */
public record SecretUse(
    Optional<String> namespace, String name, Applied consumer, Origin at, Role role, String what) {
  public enum Role {
    INFRASTRUCTURE,
    WORKLOAD,
    /** Nothing waits for it (notification credentials): never a reason to move a secret. */
    ADVISORY
  }

  public boolean matches(String secretNamespace, String secretName) {
    return name.equals(secretName) && namespace.map(secretNamespace::equals).orElse(true);
  }

  public String describe() {
    return consumer.id().kind() + " " + consumer.id().qualifiedName() + " (" + what + ")";
  }
}
