/**
 * One class per language feature (definition, references, rename, completion, hover, symbols, code
 * lens, code actions and the custom requests). Each reads one immutable workspace state and answers
 * from the analysis layer; none mutates anything or touches the disk.
 */
package dev.strata.lsp.features;
