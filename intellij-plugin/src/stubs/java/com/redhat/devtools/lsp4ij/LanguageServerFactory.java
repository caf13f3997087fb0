// Signature-only stand-in for com.redhat.devtools.lsp4ij.LanguageServerFactory; never shipped.
package com.redhat.devtools.lsp4ij;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;

public interface LanguageServerFactory {
  StreamConnectionProvider createConnectionProvider(Project project);

  default LanguageClientImpl createLanguageClient(Project project) {
    return new LanguageClientImpl(project);
  }
}
