// Signature-only stand-in for com.intellij.openapi.extensions.PluginId; never shipped.
package com.intellij.openapi.extensions;

public final class PluginId {
  private PluginId() {}

  public static PluginId getId(String idString) {
    throw new UnsupportedOperationException("stand-in");
  }
}
