package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaReleaseTest {

  @Test
  void readsFeatureOfModernVersions() {
    assertEquals(
        Optional.of(17),
        JavaRelease.parse(List.of("IMPLEMENTOR=\"Debian\"", "JAVA_VERSION=\"17.0.15\"")));
    assertEquals(Optional.of(21), JavaRelease.parse(List.of("JAVA_VERSION=\"21\"")));
    assertEquals(Optional.of(25), JavaRelease.parse(List.of("JAVA_VERSION=\"25-ea\"")));
  }

  @Test
  void readsFeatureOfTheOldOneDotScheme() {
    assertEquals(Optional.of(8), JavaRelease.parse(List.of("JAVA_VERSION=\"1.8.0_392\"")));
  }

  @Test
  void acceptsAnUnquotedValue() {
    assertEquals(Optional.of(11), JavaRelease.parse(List.of("JAVA_VERSION=11.0.2")));
  }

  @Test
  void ignoresOtherVersionKeys() {
    assertEquals(
        Optional.of(17),
        JavaRelease.parse(
            List.of("JAVA_RUNTIME_VERSION=\"21.0.1+12\"", "JAVA_VERSION=\"17.0.1\"")));
  }

  @Test
  void givesNothingWithoutAVersionLine() {
    assertEquals(Optional.empty(), JavaRelease.parse(List.of("IMPLEMENTOR=\"Oracle\"")));
    assertEquals(Optional.empty(), JavaRelease.parse(List.of("JAVA_VERSION=\"unknown\"")));
  }
}
