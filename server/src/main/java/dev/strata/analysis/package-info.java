/**
 * What Strata knows about a snapshot: the dependency graph of each cluster, providers and consumers
 * of Secrets and other resources, layers, and the rules that turn them into findings, each with its
 * fixes as plain text edits. Rules are pure functions of a snapshot: no I/O, no LSP types, no
 * formatting of line numbers. A rule that throws is logged with its id and skipped; the others
 * still report.
 */
package dev.strata.analysis;
