package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanTest {

  @TempDir Path dir;

  @Test
  void startsTheBundledJarWithTheChosenJava() throws IOException {
    Path jdk = FakeJdk.create(dir, "jdk", "17.0.15");
    Path plugin = pluginFolderWithJar();
    LaunchPlan plan =
        LaunchPlan.of(new JavaDiscovery("", jdk.toString(), null, false), plugin, "-Xmx1g");
    assertEquals(
        List.of(
            jdk.resolve("bin/java").toString(),
            "-XX:+ExitOnOutOfMemoryError",
            "-Xmx1g",
            "-jar",
            plugin.resolve("server/strata.jar").toString(),
            "lsp"),
        plan.commandOrEmpty());
  }

  @Test
  void isBlockedWithoutJava() throws IOException {
    LaunchPlan plan =
        LaunchPlan.of(new JavaDiscovery("", "", "", false), pluginFolderWithJar(), "");
    LaunchPlan.Blocked blocked = assertInstanceOf(LaunchPlan.Blocked.class, plan);
    assertTrue(blocked.title().contains("no Java 17"));
    assertEquals(List.of(), plan.commandOrEmpty());
  }

  @Test
  void isBlockedWhenTheServerJarIsMissing() throws IOException {
    Path jdk = FakeJdk.create(dir, "jdk", "21");
    LaunchPlan plan = LaunchPlan.of(new JavaDiscovery(jdk.toString(), null, null, false), dir, "");
    assertTrue(assertInstanceOf(LaunchPlan.Blocked.class, plan).message().contains("Reinstall"));
  }

  private Path pluginFolderWithJar() throws IOException {
    Path plugin = dir.resolve("strata-intellij");
    Files.createDirectories(plugin.resolve("server"));
    Files.writeString(plugin.resolve("server/strata.jar"), "");
    return plugin;
  }
}
