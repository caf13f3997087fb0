// Signature-only stand-in for com.redhat.devtools.lsp4ij.client.LanguageClientImpl; never shipped.
// The real class also implements LSP4J's LanguageClient; Strata only overrides the configuration
// hooks.
package com.redhat.devtools.lsp4ij.client;

import com.intellij.openapi.Disposable;
import com.intellij.openapi.project.Project;

public class LanguageClientImpl implements Disposable {
  public LanguageClientImpl(Project project) {}

  public Project getProject() {
    throw new UnsupportedOperationException("stand-in");
  }

  protected Object createSettings() {
    throw new UnsupportedOperationException("stand-in");
  }

  public void triggerChangeConfiguration() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public void dispose() {
    throw new UnsupportedOperationException("stand-in");
  }
}
