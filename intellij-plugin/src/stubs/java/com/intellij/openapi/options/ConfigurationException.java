// Signature-only stand-in for com.intellij.openapi.options.ConfigurationException; never shipped.
package com.intellij.openapi.options;

public class ConfigurationException extends Exception {
  public ConfigurationException(String message) {
    super(message);
  }
}
