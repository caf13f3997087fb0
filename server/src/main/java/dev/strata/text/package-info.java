/**
 * Positions and ranges in the coordinates LSP uses: zero-based lines and UTF-16 code units.
 * Everything above this layer speaks these types; conversion from other encodings happens once, in
 * the syntax layer. Depends on the JDK only.
 */
package dev.strata.text;
