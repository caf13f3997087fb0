package dev.strata.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A repository written from one text block: a line {@code #- path/to/file.yaml} starts a file.
 * {@code $0} marks a cursor; {@link #cursor} finds it and the written file holds the text without
 * it.
 */
record Fixture(Path root, Map<String, String> files) {
  static Fixture write(Path root, String text) {
    Map<String, String> files = new LinkedHashMap<>();
    String path = null;
    StringBuilder content = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#- ")) {
        if (path != null) {
          files.put(path, content.toString());
        }
        path = line.substring(3).trim();
        content.setLength(0);
      } else if (path != null) {
        content.append(line).append('\n');
      }
    }
    if (path != null) {
      files.put(path, content.toString());
    }
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue().replace("$0", ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Fixture(root, files);
  }

  String uri(String path) {
    return root.resolve(path).toUri().toString();
  }

  String text(String path) {
    return files.get(path).replace("$0", "");
  }

  /** Where {@code $0} stands in a file. */
  org.eclipse.lsp4j.Position cursor(String path) {
    String content = files.get(path);
    int offset = content.indexOf("$0");
    if (offset < 0) {
      throw new IllegalArgumentException("no $0 in " + path);
    }
    String before = content.substring(0, offset);
    int line = (int) before.chars().filter(c -> c == '\n').count();
    int character = offset - (before.lastIndexOf('\n') + 1);
    return new org.eclipse.lsp4j.Position(line, character);
  }

  /**
   * The position {@code shift} characters into the first occurrence of {@code needle} in a file.
   */
  org.eclipse.lsp4j.Position find(String path, String needle, int shift) {
    String content = text(path);
    int offset = content.indexOf(needle);
    if (offset < 0) {
      throw new IllegalArgumentException(needle + " not in " + path);
    }
    offset += shift;
    String before = content.substring(0, offset);
    int line = (int) before.chars().filter(c -> c == '\n').count();
    return new org.eclipse.lsp4j.Position(line, offset - (before.lastIndexOf('\n') + 1));
  }
}
