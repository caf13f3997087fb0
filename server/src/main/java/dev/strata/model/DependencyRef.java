package dev.strata.model;

import dev.strata.text.Range;
import java.util.Optional;

/**
 * One {@code dependsOn} entry; {@code entry} spans the whole list item, for edits that remove it.
 */
public record DependencyRef(
    Located<String> name, Optional<Located<String>> namespace, Range entry) {}
