package dev.strata.workspace;

import java.util.Locale;
import java.util.Set;

/**
 * Which files that are not YAML the loader keeps as text: those that say how a repository is
 * bootstrapped or published (justfiles, Makefiles, shell scripts, bootstrap templates) and the
 * checkout's {@code .git/config}, whose remotes name the repository itself. Taskfiles and CI
 * workflows are YAML and are read as such.
 */
final class TextFiles {
  static final String GIT_CONFIG = ".git/config";
  private static final Set<String> NAMES =
      Set.of("justfile", ".justfile", "makefile", "gnumakefile", ".sourceignore");
  private static final Set<String> EXTENSIONS =
      Set.of(".just", ".mk", ".sh", ".bash", ".j2", ".tpl", ".gotmpl", ".tmpl", ".envrc");

  private TextFiles() {}

  static boolean kept(String path) {
    String name = SourceFile.nameOf(path).toLowerCase(Locale.ROOT);
    if (NAMES.contains(name)) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot));
  }
}
