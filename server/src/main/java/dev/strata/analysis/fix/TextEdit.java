package dev.strata.analysis.fix;

import dev.strata.text.Range;

/** Replace a range of a file with new text; an empty range inserts. */
public record TextEdit(Range range, String newText) {}
