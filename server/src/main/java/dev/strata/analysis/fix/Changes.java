package dev.strata.analysis.fix;

import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file changes of one fix while it is being built: created files first, then the edits of each
 * file in the order the files were first touched, then deleted files. A file is edited through one
 * {@link FileEdits}, so that edits from different steps of a fix are checked against each other.
 */
final class Changes {
  private final List<FileChange.Create> created = new ArrayList<>();
  private final Map<String, FileEdits> edited = new LinkedHashMap<>();
  private final List<FileChange.Delete> deleted = new ArrayList<>();

  FileEdits edits(SourceFile file) {
    return edited.computeIfAbsent(file.path(), p -> new FileEdits(new YamlText(file)));
  }

  void create(String path, String text) {
    created.add(new FileChange.Create(path, text));
  }

  void delete(String path) {
    deleted.add(new FileChange.Delete(path));
  }

  boolean isEmpty() {
    return created.isEmpty()
        && deleted.isEmpty()
        && edited.values().stream().allMatch(FileEdits::isEmpty);
  }

  /**
   * The fix, or empty when its edits collide (an edit inside a deleted file, two overlapping
   * edits).
   */
  Optional<Fix> fix(String title, boolean preferred, boolean refactor) {
    List<FileChange> changes = new ArrayList<>(created);
    try {
      for (FileEdits edits : edited.values()) {
        if (edits.isEmpty()) {
          continue;
        }
        if (deleted.stream().anyMatch(d -> d.path().equals(edits.source().path()))) {
          return Optional.empty();
        }
        changes.add(edits.change());
      }
    } catch (IllegalStateException overlapping) {
      return Optional.empty();
    }
    changes.addAll(deleted);
    return changes.isEmpty()
        ? Optional.empty()
        : Optional.of(new Fix(title, preferred, refactor, changes));
  }
}
