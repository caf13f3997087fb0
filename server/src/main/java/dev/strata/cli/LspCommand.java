package dev.strata.cli;

import dev.strata.lsp.ServerLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code strata lsp}: the language server on stdin and stdout, what the editor clients start. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description =
        "Run the language server over stdio (LSP 3.17). Exit 0 after shutdown and exit, 1 otherwise.")
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    // stdout carries only the protocol: anything else that prints there (a library, a stray
    // println) goes to stderr.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    return ServerLauncher.run(System.in, protocol, System.err);
  }
}
