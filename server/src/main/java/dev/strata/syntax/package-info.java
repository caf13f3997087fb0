/**
 * YAML text to immutable positioned nodes. This is the only package that imports snakeyaml-engine; its
 * mutable nodes and code-point marks never leave it. Parsing never throws: it returns the documents it
 * could read and the problems it met, each with a UTF-16 range.
 */
package dev.strata.syntax;
