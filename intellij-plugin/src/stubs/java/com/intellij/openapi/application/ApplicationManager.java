// Signature-only stand-in for com.intellij.openapi.application.ApplicationManager; never shipped.
package com.intellij.openapi.application;

public class ApplicationManager {
  public static Application getApplication() {
    throw new UnsupportedOperationException("stand-in");
  }
}
