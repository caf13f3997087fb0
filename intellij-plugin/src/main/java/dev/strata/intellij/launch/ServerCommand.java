package dev.strata.intellij.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -XX:+ExitOnOutOfMemoryError <user options> -jar strata.jar lsp}. The server speaks
 * LSP on stdin and stdout, so the IDE starts it as a separate process and never loads its classes
 * (nor a second LSP4J) into the IDE.
 */
public record ServerCommand(Path java, JvmOptions jvmOptions, Path serverJar) {

  /** A server that ran out of memory should die and be restarted, not limp on answering nothing. */
  static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

  public List<String> toList() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add(EXIT_ON_OOM);
    command.addAll(jvmOptions.options());
    command.add("-jar");
    command.add(serverJar.toString());
    command.add("lsp");
    return List.copyOf(command);
  }
}
