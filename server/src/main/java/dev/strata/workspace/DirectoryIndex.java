package dev.strata.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which folders exist and what each directly holds, built once per set of paths. Edits that change
 * a file's text keep the same index; only creating or deleting files builds a new one.
 */
final class DirectoryIndex {
  private final Set<String> files;
  private final Set<String> directories = new HashSet<>();
  private final Map<String, TreeSet<String>> childFiles = new HashMap<>();
  private final Map<String, TreeSet<String>> childDirectories = new HashMap<>();

  DirectoryIndex(Collection<String> allFiles) {
    this.files = Set.copyOf(allFiles);
    directories.add("");
    for (String file : allFiles) {
      String directory = SourceFile.directoryOf(file);
      childFiles.computeIfAbsent(directory, d -> new TreeSet<>()).add(file);
      addDirectory(directory);
    }
  }

  private void addDirectory(String directory) {
    String current = directory;
    while (!current.isEmpty() && directories.add(current)) {
      String parent = SourceFile.directoryOf(current);
      childDirectories.computeIfAbsent(parent, d -> new TreeSet<>()).add(current);
      current = parent;
    }
  }

  boolean sameFiles(Collection<String> others) {
    return others.size() == files.size() && files.containsAll(others);
  }

  boolean isFile(String path) {
    return files.contains(path);
  }

  boolean isDirectory(String path) {
    return directories.contains(path);
  }

  List<String> files(String directory) {
    return new ArrayList<>(childFiles.getOrDefault(directory, new TreeSet<>()));
  }

  List<String> directories(String directory) {
    return new ArrayList<>(childDirectories.getOrDefault(directory, new TreeSet<>()));
  }
}
