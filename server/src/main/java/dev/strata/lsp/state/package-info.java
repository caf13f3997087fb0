/**
 * The server's view of its workspace folders: one writer thread applies editor and disk changes in
 * arrival order and publishes immutable {@link dev.strata.lsp.state.WorkspaceState}s with a
 * revision number. Readers never lock; a computation on an older revision may notice it and stop.
 */
package dev.strata.lsp.state;
