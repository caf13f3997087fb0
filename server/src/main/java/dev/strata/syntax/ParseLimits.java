package dev.strata.syntax;

/**
 * Bounds that keep hostile or broken input from exhausting the stack or the heap. {@code maxNodes}
 * counts the nodes of a whole file as a reader walking it would meet them, so every alias counts
 * its full subtree.
 */
public record ParseLimits(int maxDepth, long maxNodes, int maxAliasesForCollections) {
  /**
   * Far above any manifest in real repositories, far below what exhausts a thread stack or the
   * heap.
   */
  public static final ParseLimits DEFAULT = new ParseLimits(1_000, 1_000_000, 100);
}
