package dev.strata.intellij.files;

import java.util.List;
import java.util.Locale;

/**
 * A file is Flux YAML for Strata when it is named {@code *.yaml} or {@code *.yml} and does not sit
 * in a folder that a GitOps repository never applies (version-control internals, installed npm
 * packages).
 */
public final class FluxYamlFiles {

  /**
   * The patterns given to LSP4IJ's fileNamePatternMapping; plugin.xml repeats them and a test
   * compares.
   */
  public static final List<String> NAME_PATTERNS = List.of("*.yaml", "*.yml");

  private static final List<String> IGNORED_FOLDERS = List.of(".git", "node_modules");

  private FluxYamlFiles() {}

  /**
   * Takes a path with {@code /} or {@code \} separators, as IntelliJ's VirtualFile and Windows give
   * them.
   */
  public static boolean accepts(String path) {
    String normalized = path.replace('\\', '/');
    return hasYamlName(normalized) && !inIgnoredFolder(normalized);
  }

  private static boolean hasYamlName(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  private static boolean inIgnoredFolder(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (IGNORED_FOLDERS.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }
}
