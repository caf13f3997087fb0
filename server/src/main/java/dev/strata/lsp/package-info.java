/**
 * The language server: LSP4J services, capabilities, settings and conversion to protocol types.
 * This is the only package tree that imports LSP4J; everything it shows comes from the analysis
 * layer as plain values and is converted in {@link dev.strata.lsp.ToProto}. The LSP4J message
 * thread never blocks: notifications enqueue work on the workspace writer, requests run on the
 * server's named executors.
 */
package dev.strata.lsp;
