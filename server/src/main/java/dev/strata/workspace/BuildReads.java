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
  private final Map<String, Optional<SourceFile>> files = new HashMap<>();
  private final Map<String, Boolean> exists = new HashMap<>();
  private final Map<String, Boolean> directories = new HashMap<>();
  private final Map<String, List<String>> filesIn = new HashMap<>();
  private final Map<String, List<String>> directoriesIn = new HashMap<>();

  void file(String path, Optional<SourceFile> file) {
    files.putIfAbsent(path, file);
  }

  void exists(String path, boolean answer) {
    exists.putIfAbsent(path, answer);
  }

  void directory(String path, boolean answer) {
    directories.putIfAbsent(path, answer);
  }

  void filesIn(String folder, List<String> paths) {
    filesIn.putIfAbsent(folder, paths);
  }

  void directoriesIn(String folder, List<String> paths) {
    directoriesIn.putIfAbsent(folder, paths);
  }

  void addAll(BuildReads other) {
    other.files.forEach(files::putIfAbsent);
    other.exists.forEach(exists::putIfAbsent);
    other.directories.forEach(directories::putIfAbsent);
    other.filesIn.forEach(filesIn::putIfAbsent);
    other.directoriesIn.forEach(directoriesIn::putIfAbsent);
  }

  /**
   * True when none of {@code changed} is a file this build read: enough to know that every read
   * answers the same in a snapshot whose paths and folders are the previous snapshot's (the same
   * {@link DirectoryIndex}) and whose files differ from it only at {@code changed}. Costs the
   * number of changed paths, not the number of reads.
   */
  boolean untouchedBy(Set<String> changed) {
    for (String path : changed) {
      if (files.containsKey(path)) {
        return false;
      }
    }
    return true;
  }

  /** True when every read answers the same in this snapshot. */
  boolean sameIn(Snapshot snapshot) {
    for (Map.Entry<String, Optional<SourceFile>> read : files.entrySet()) {
      Optional<SourceFile> now = snapshot.file(read.getKey());
      if (now.isPresent() != read.getValue().isPresent()
          || now.isPresent() && now.get() != read.getValue().get()) {
        return false;
      }
    }
    for (Map.Entry<String, Boolean> read : exists.entrySet()) {
      if (snapshot.exists(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, Boolean> read : directories.entrySet()) {
      if (snapshot.isDirectory(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> read : filesIn.entrySet()) {
      if (!Objects.equals(snapshot.filesIn(read.getKey()), read.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> read : directoriesIn.entrySet()) {
      if (!Objects.equals(snapshot.directoriesIn(read.getKey()), read.getValue())) {
        return false;
      }
    }
    return true;
  }
}
