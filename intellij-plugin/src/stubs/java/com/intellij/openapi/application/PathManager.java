// Signature-only stand-in for com.intellij.openapi.application.PathManager; never shipped.
// Compared with intellij-community (see intellij-plugin/README.md): public static, @Nullable Path.
package com.intellij.openapi.application;

import java.nio.file.Path;

public final class PathManager {
  private PathManager() {}

  public static Path getJarForClass(Class<?> aClass) {
    throw new UnsupportedOperationException("stand-in");
  }
}
