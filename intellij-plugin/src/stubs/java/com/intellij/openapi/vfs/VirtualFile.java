// Signature-only stand-in for com.intellij.openapi.vfs.VirtualFile; never shipped.
package com.intellij.openapi.vfs;

public abstract class VirtualFile {
  public abstract String getPath();
}
