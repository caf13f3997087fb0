package dev.strata.analysis;

import dev.strata.workspace.Applied;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Origin;

/**
 * Something an applied object uses that a Kustomization provides: the External Secrets operator, a
 * secret store, a StorageClass, an issuer, a CRD group, a Secret, a chart source. {@code what}
 * reads as a noun phrase ("ClusterSecretStore onepassword").
 */
public record Need(Applied consumer, Origin at, ObjectId provider, String what) {}
