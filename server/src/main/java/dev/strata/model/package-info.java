/**
 * Typed records for the Flux, kustomize, SOPS and External Secrets objects Strata understands, read
 * from syntax nodes. Every field that a rule may point at carries its source range ({@link
 * dev.strata.model.Located}). String keys such as {@code "spec"} appear only in the readers of this
 * package. A Secret's typed record keeps no value: it records which keys exist and whether their
 * values look encrypted, templated or plain.
 */
package dev.strata.model;
