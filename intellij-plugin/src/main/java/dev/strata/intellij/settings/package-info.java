/**
 * The plugin's settings as a value, and the JSON the server receives from them. The JSON shape is
 * the one of docs/lsp-extensions.md: {@code {"rules": {...}}} as initializationOptions and {@code
 * {"strata": {...}}} inside workspace/didChangeConfiguration. A rule left at its default is never
 * sent, so the repository's {@code .strata.yaml} still decides it.
 */
package dev.strata.intellij.settings;
