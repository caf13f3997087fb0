/**
 * Fixes as plain data: a title and the file changes that carry it out (text edits, created and
 * deleted files). Builders read the analysis of a snapshot and never touch the disk; the LSP layer
 * converts their output to a WorkspaceEdit and nothing else. Edits are computed on the files' text
 * through the syntax ranges, by whole lines in block collections, so that untouched lines and
 * comments stay byte for byte. A builder offers nothing rather than a fix that would not apply
 * cleanly.
 */
package dev.strata.analysis.fix;
