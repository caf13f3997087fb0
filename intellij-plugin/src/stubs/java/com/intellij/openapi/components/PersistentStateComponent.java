// Signature-only stand-in for com.intellij.openapi.components.PersistentStateComponent; never
// shipped.
package com.intellij.openapi.components;

public interface PersistentStateComponent<T> {
  T getState();

  void loadState(T state);
}
