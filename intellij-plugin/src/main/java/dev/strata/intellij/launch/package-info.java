/**
 * Finds a Java runtime and builds the command line that starts the bundled Strata server.
 * Everything here is plain Java with no IntelliJ or LSP4IJ type, so it is unit-tested without an
 * IDE. Discovery never spawns a process: a runtime's version is read from its {@code release} file.
 */
package dev.strata.intellij.launch;
