// Signature-only stand-in for com.intellij.openapi.components.ComponentManager; never shipped.
package com.intellij.openapi.components;

public interface ComponentManager {
  <T> T getService(Class<T> serviceClass);
}
