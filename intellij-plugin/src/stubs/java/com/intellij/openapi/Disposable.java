// Signature-only stand-in for com.intellij.openapi.Disposable; never shipped.
package com.intellij.openapi;

public interface Disposable {
  void dispose();
}
