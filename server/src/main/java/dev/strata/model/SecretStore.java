package dev.strata.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code SecretStore} or {@code ClusterSecretStore} ({@code cluster} true) with the provider it
 * talks to and the Secrets that hold its own credentials.
 */
public record SecretStore(
    ObjectMeta meta, boolean cluster, Optional<String> provider, List<ObjectReference> credentials)
    implements Manifest {
  public SecretStore {
    credentials = List.copyOf(credentials);
  }
}
