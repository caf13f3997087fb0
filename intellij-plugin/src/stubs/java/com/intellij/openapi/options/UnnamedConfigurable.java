// Signature-only stand-in for com.intellij.openapi.options.UnnamedConfigurable; never shipped.
package com.intellij.openapi.options;

import javax.swing.JComponent;

public interface UnnamedConfigurable {
  JComponent createComponent();

  boolean isModified();

  void apply() throws ConfigurationException;

  default void reset() {}

  default void disposeUIResources() {}
}
