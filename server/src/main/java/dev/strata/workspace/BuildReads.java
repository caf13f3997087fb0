package dev.strata.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one kustomize build read from its snapshot: the files it opened (by identity, since a next
 * snapshot shares every file it did not change), the paths it asked about, the folders it listed. A
 * build whose reads all answer the same in a next snapshot is that snapshot's build too, which is
 * what makes an edit cost the builds it reaches.
 */
final class BuildReads {
  // Each table is made on its first entry: a memo holds a BuildReads for every build and every
  // expansion, most of which ask one or two kinds of question, and five empty tables apiece held a
  // megabyte at 20,000 files (by class histogram).
  private Map<String, Optional<SourceFile>> files;
  private Map<String, Boolean> exists;
  private Map<String, Boolean> directories;
  private Map<String, List<String>> filesIn;
  private Map<String, List<String>> directoriesIn;

  void file(String path, Optional<SourceFile> file) {
    files = put(files, path, file);
  }

  void exists(String path, boolean answer) {
    exists = put(exists, path, answer);
  }

  void directory(String path, boolean answer) {
    directories = put(directories, path, answer);
  }

  void filesIn(String folder, List<String> paths) {
    filesIn = put(filesIn, folder, paths);
  }

  void directoriesIn(String folder, List<String> paths) {
    directoriesIn = put(directoriesIn, folder, paths);
  }

  void addAll(BuildReads other) {
    files = putAll(files, other.files);
    exists = putAll(exists, other.exists);
    directories = putAll(directories, other.directories);
    filesIn = putAll(filesIn, other.filesIn);
    directoriesIn = putAll(directoriesIn, other.directoriesIn);
  }

  /** {@code table} with {@code key} answered, the first answer kept; made when absent. */
  private static <T> Map<String, T> put(Map<String, T> table, String key, T value) {
    Map<String, T> into = table == null ? new HashMap<>() : table;
    into.putIfAbsent(key, value);
    return into;
  }

  private static <T> Map<String, T> putAll(Map<String, T> table, Map<String, T> other) {
    if (other == null || other.isEmpty()) {
      return table;
    }
    Map<String, T> into = table == null ? new HashMap<>() : table;
    other.forEach(into::putIfAbsent);
    return into;
  }

  private static <T> Map<String, T> orEmpty(Map<String, T> table) {
    return table == null ? Map.of() : table;
  }

  /**
   * True when none of {@code changed} is a file this build read: enough to know that every read
   * answers the same in a snapshot whose paths and folders are the previous snapshot's (the same
   * {@link DirectoryIndex}) and whose files differ from it only at {@code changed}. Costs the
   * number of changed paths, not the number of reads.
   */
  boolean untouchedBy(Set<String> changed) {
    if (files == null) {
      return true;
    }
    for (String path : changed) {
      if (files.containsKey(path)) {
        return false;
      }
    }
    return true;
  }

  /** True when every read answers the same in this snapshot. */
  boolean sameIn(Snapshot snapshot) {
    for (Map.Entry<String, Optional<SourceFile>> read : orEmpty(files).entrySet()) {
      Optional<SourceFile> now = snapshot.file(read.getKey());
      if (now.isPresent() != read.getValue().isPresent()
          || now.isPresent() && now.get() != read.getValue().get()) {
        return false;
      }
    }
    for (Map.Entry<String, Boolean> read : orEmpty(exists).entrySet()) {
      if (snapshot.exists(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, Boolean> read : orEmpty(directories).entrySet()) {
      if (snapshot.isDirectory(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> read : orEmpty(filesIn).entrySet()) {
      if (!Objects.equals(snapshot.filesIn(read.getKey()), read.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> read : orEmpty(directoriesIn).entrySet()) {
      if (!Objects.equals(snapshot.directoriesIn(read.getKey()), read.getValue())) {
        return false;
      }
    }
    return true;
  }
}
