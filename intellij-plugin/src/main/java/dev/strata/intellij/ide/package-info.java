/**
 * The thin IntelliJ and LSP4IJ side of the plugin: the classes plugin.xml names, and nothing else.
 * Each class delegates its decisions to the IDE-free packages and only adapts types; this package
 * is the only one allowed to import {@code com.intellij} or {@code com.redhat.devtools.lsp4ij},
 * which a test enforces. It never loads the server or LSP4J classes: the server runs as a separate
 * {@code java -jar} process.
 */
package dev.strata.intellij.ide;
