/**
 * Decides which files the IDE hands to the Strata server. The server analyses every YAML file of
 * the workspace (Flux objects, plain Secrets, kustomization.yaml, .sops.yaml and .strata.yaml all
 * matter to its rules), so the test is by name and path, never by content. Plain Java, with no IDE
 * type.
 */
package dev.strata.intellij.files;
