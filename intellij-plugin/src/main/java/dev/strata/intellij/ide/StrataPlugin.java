package dev.strata.intellij.ide;

import com.intellij.ide.plugins.IdeaPluginDescriptor;
import com.intellij.ide.plugins.PluginManagerCore;
import com.intellij.openapi.extensions.PluginId;
import java.nio.file.Path;

/** Identifiers that plugin.xml declares and the code must repeat exactly. */
final class StrataPlugin {

  static final String ID = "dev.strata.intellij";
  static final String SERVER_ID = "strata";
  static final String NOTIFICATION_GROUP = "Strata";

  private StrataPlugin() {}

  /** The folder the IDE unpacked the plugin zip into; the server jar lives below it. */
  static Path folder() {
    IdeaPluginDescriptor descriptor = PluginManagerCore.getPlugin(PluginId.getId(ID));
    if (descriptor == null) {
      throw new IllegalStateException("Plugin " + ID + " is not loaded");
    }
    return descriptor.getPluginPath();
  }
}
