// Signature-only stand-in for com.redhat.devtools.lsp4ij.server.CannotStartProcessException; never
// shipped.
package com.redhat.devtools.lsp4ij.server;

public class CannotStartProcessException extends LanguageServerException {
  public CannotStartProcessException(Exception e) {
    super(e);
  }

  public CannotStartProcessException(String message) {
    super(message);
  }
}
