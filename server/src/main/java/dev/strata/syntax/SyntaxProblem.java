package dev.strata.syntax;

import dev.strata.text.Range;

/** Something the parser could not accept, with the parser's own words and position. */
public record SyntaxProblem(String message, Range range) {}
