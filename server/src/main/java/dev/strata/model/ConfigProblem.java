package dev.strata.model;

import dev.strata.text.Range;

/** A mistake in {@code .strata.yaml} or {@code .sops.yaml}; defaults apply where it occurs. */
public record ConfigProblem(String message, Range range) {}
