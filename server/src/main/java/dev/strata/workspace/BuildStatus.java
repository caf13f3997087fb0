package dev.strata.workspace;

/** What became of a Flux Kustomization's build in its cluster. */
public enum BuildStatus {
  /** Built from this workspace. */
  BUILT,
  /** Its source is another project's: nothing here is its content. */
  EXTERNAL,
  /** Its source is defined nowhere here, and its path is no folder here: its content is unknown. */
  UNKNOWN,
  /** Its path holds a variable that cannot be resolved from Git. */
  UNRESOLVED,
  /** Its path names no folder of its artifact. */
  MISSING
}
