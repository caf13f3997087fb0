package dev.strata.workspace;

import dev.strata.text.Range;

/** A place in the repository: a file and a range in it. */
public record Origin(String file, Range range) {}
