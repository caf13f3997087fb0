/**
 * YAML text to immutable positioned nodes. This is the only package that imports snakeyaml-engine;
 * its events and code-point marks never leave it, and its parser's events are composed here into
 * records, so an alias is the very record of its anchor. Parsing never throws: it returns the
 * documents it could read and the problems it met, each with a UTF-16 range, and resumes after a
 * bad document at the next {@code ---}. Depth, alias expansion and node count are bounded by {@link
 * dev.strata.syntax.ParseLimits}.
 */
package dev.strata.syntax;
