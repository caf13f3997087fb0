/**
 * The command line: {@code check}, {@code graph}, {@code secrets}, {@code bootstrap} and {@code
 * lsp}, with writers for text, JSON, SARIF, Mermaid, DOT and Markdown. Output formats are a
 * contract (DESIGN.md): paths relative to the analysed folder with forward slashes, positions
 * converted here and nowhere else. Exit codes: 0 clean, 1 findings at or above the fail level, 2
 * bad usage or an unreadable folder.
 */
package dev.strata.cli;
