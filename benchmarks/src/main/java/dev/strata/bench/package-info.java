/**
 * The benchmark of docs/performance.md: Strata against the parse floor on real and generated
 * repositories. Nothing here is part of Strata; it only reads repositories and times Strata's
 * public API and its command line, and writes generated repositories to a temporary folder.
 */
package dev.strata.bench;
