// Signature-only stand-in for com.redhat.devtools.lsp4ij.server.LanguageServerException; never
// shipped.
package com.redhat.devtools.lsp4ij.server;

public class LanguageServerException extends RuntimeException {
  public LanguageServerException(String message) {
    super(message);
  }

  public LanguageServerException(Throwable e) {
    super(e);
  }
}
