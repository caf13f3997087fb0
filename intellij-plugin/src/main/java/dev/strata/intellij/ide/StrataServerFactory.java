package dev.strata.intellij.ide;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;

/**
 * Named by plugin.xml's {@code com.redhat.devtools.lsp4ij.server} extension; LSP4IJ calls it per
 * project.
 */
public final class StrataServerFactory implements LanguageServerFactory {

  @Override
  public StreamConnectionProvider createConnectionProvider(Project project) {
    return new StrataServerProcess(project);
  }

  @Override
  public LanguageClientImpl createLanguageClient(Project project) {
    return new StrataLanguageClient(project);
  }
}
