package dev.strata.cli;

import dev.strata.syntax.SyntaxProblem;
import dev.strata.workspace.Loader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file named with {@code --config}. Unlike {@code DIR/.strata.yaml}, whose mistakes are findings
 * while the defaults apply, a file the user named on the command line must be usable: one that is
 * not valid YAML is bad usage (exit 2), or its rules would silently not apply.
 */
record ConfigFile(Path path) {
  /** Prints why the file cannot be used, one line per problem; true when it can be. */
  boolean usable(PrintWriter err) {
    if (!Files.isRegularFile(path)) {
      err.println("strata: " + path + ": no such configuration file");
      return false;
    }
    List<SyntaxProblem> problems;
    try {
      problems = Loader.fromBytes(path.toString(), Files.readAllBytes(path)).syntax().problems();
    } catch (IOException e) {
      err.println("strata: " + path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      return false;
    }
    for (SyntaxProblem problem : problems) {
      err.println(
          "strata: "
              + path
              + ":"
              + (problem.range().start().line() + 1)
              + ":"
              + (problem.range().start().character() + 1)
              + ": not valid YAML, so none of its settings would apply: "
              + problem.message());
    }
    return problems.isEmpty();
  }

  /** True when the file lies outside the checked folder, where findings name it absolutely. */
  boolean outside(Path directory) {
    return !path.toAbsolutePath().normalize().startsWith(directory.toAbsolutePath().normalize());
  }
}
