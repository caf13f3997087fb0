package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaDiscoveryTest {

  @TempDir Path dir;

  private Optional<Path> chosen(String setting, String javaHome, String ide) {
    return new JavaDiscovery(setting, javaHome, ide, false)
        .choose()
        .runtime()
        .map(JavaRuntime::home);
  }

  @Test
  void prefersTheSettingOverJavaHomeAndTheIde() throws IOException {
    Path setting = FakeJdk.create(dir, "setting", "21.0.2");
    Path javaHome = FakeJdk.create(dir, "javahome", "17.0.1");
    Path ide = FakeJdk.create(dir, "ide", "21.0.5");
    assertEquals(
        Optional.of(setting), chosen(setting.toString(), javaHome.toString(), ide.toString()));
  }

  @Test
  void prefersJavaHomeOverTheIdeWhenNoSetting() throws IOException {
    Path javaHome = FakeJdk.create(dir, "javahome", "17.0.1");
    Path ide = FakeJdk.create(dir, "ide", "21.0.5");
    assertEquals(Optional.of(javaHome), chosen("  ", javaHome.toString(), ide.toString()));
  }

  @Test
  void fallsBackToTheIdeRuntime() throws IOException {
    Path ide = FakeJdk.create(dir, "ide", "21.0.5");
    assertEquals(Optional.of(ide), chosen("", null, ide.toString()));
  }

  @Test
  void rejectsJavaOlderThanSeventeen() throws IOException {
    Path old = FakeJdk.create(dir, "old", "11.0.2");
    Path ide = FakeJdk.create(dir, "ide", "17.0.9");
    JavaChoice choice = new JavaDiscovery("", old.toString(), ide.toString(), false).choose();
    assertEquals(Optional.of(ide), choice.runtime().map(JavaRuntime::home));
    assertEquals("the IDE's own runtime", choice.origin());
    assertTrue(
        choice.rejected().get(0).contains("is Java 11, older than 17"),
        choice.rejected().toString());
  }

  @Test
  void rejectsAnIdeRuntimeOlderThanSeventeen() throws IOException {
    Path ide = FakeJdk.create(dir, "ide", "1.8.0_392");
    assertEquals(Optional.empty(), chosen("", "", ide.toString()));
  }

  @Test
  void acceptsTheJavaExecutableAsSetting() throws IOException {
    Path setting = FakeJdk.create(dir, "setting", "17.0.15");
    assertEquals(Optional.of(setting), chosen(setting.resolve("bin/java").toString(), null, null));
  }

  @Test
  void skipsAFolderThatIsNotAJavaHome() throws IOException {
    Path ide = FakeJdk.create(dir, "ide", "21");
    JavaChoice choice =
        new JavaDiscovery(dir.resolve("nowhere").toString(), null, ide.toString(), false).choose();
    assertEquals(Optional.of(ide), choice.runtime().map(JavaRuntime::home));
    assertTrue(choice.rejected().get(0).contains("is not a Java installation"));
  }

  @Test
  void saysWhatIsMissingAndWhereToSetIt() throws IOException {
    Path old = FakeJdk.create(dir, "old", "11");
    JavaChoice choice = new JavaDiscovery("", old.toString(), null, false).choose();
    assertTrue(choice.runtime().isEmpty());
    String message = choice.missingMessage();
    assertTrue(message.contains("Java 17 or newer"), message);
    assertTrue(message.contains("JAVA_HOME (" + old + ") is Java 11"), message);
    assertTrue(message.contains("Settings | Tools | Strata"), message);
  }

  @Test
  void saysNothingWasConfiguredWhenAllInputsAreEmpty() {
    assertTrue(
        new JavaDiscovery(null, null, null, false)
            .choose()
            .missingMessage()
            .contains("No Java was configured"));
  }

  @Test
  void usesJavaExeOnWindows() throws IOException {
    Path home = FakeJdk.create(dir, "win", "17");
    java.nio.file.Files.writeString(home.resolve("bin/java.exe"), "");
    JavaChoice choice = new JavaDiscovery(home.toString(), null, null, true).choose();
    assertEquals(
        Optional.of(home.resolve("bin/java.exe")), choice.runtime().map(r -> r.executable(true)));
  }
}
