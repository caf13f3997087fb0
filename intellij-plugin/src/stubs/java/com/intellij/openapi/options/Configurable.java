// Signature-only stand-in for com.intellij.openapi.options.Configurable; never shipped.
package com.intellij.openapi.options;

public interface Configurable extends UnnamedConfigurable {
  String getDisplayName();
}
