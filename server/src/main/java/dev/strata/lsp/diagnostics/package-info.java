/**
 * Diagnostics for every file of every workspace folder: one debounce for the whole workspace (an
 * edit in one file changes findings in others), runs that cancel themselves when a newer revision
 * exists, and a publisher that sends only the files whose findings changed.
 */
package dev.strata.lsp.diagnostics;
