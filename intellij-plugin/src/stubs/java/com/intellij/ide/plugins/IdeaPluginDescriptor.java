// Signature-only stand-in for com.intellij.ide.plugins.IdeaPluginDescriptor; never shipped.
package com.intellij.ide.plugins;

import java.nio.file.Path;

public interface IdeaPluginDescriptor {
  Path getPluginPath();
}
