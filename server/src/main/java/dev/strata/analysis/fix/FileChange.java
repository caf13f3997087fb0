package dev.strata.analysis.fix;

import java.util.List;

/** One change to one file, in the order a fix applies them. Paths are repository-relative. */
public sealed interface FileChange {
  String path();

  /** Text edits to an existing file; ranges refer to the file's text before any of them. */
  record Edit(String path, List<TextEdit> edits) implements FileChange {
    public Edit {
      edits = List.copyOf(edits);
    }
  }

  record Create(String path, String text) implements FileChange {}

  record Delete(String path) implements FileChange {}
}
