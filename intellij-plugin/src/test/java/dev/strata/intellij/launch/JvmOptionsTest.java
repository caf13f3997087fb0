package dev.strata.intellij.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

  @Test
  void splitsOnWhitespace() {
    assertEquals(List.of("-Xmx1g", "-Dx=1"), JvmOptions.parse("  -Xmx1g \t -Dx=1 ").options());
  }

  @Test
  void keepsAQuotedOptionWhole() {
    assertEquals(
        List.of("-Dname=a b", "-Xss2m"), JvmOptions.parse("\"-Dname=a b\" -Xss2m").options());
  }

  @Test
  void givesNoOptionsForEmptyOrMissingText() {
    assertEquals(List.of(), JvmOptions.parse("").options());
    assertEquals(List.of(), JvmOptions.parse(null).options());
  }
}
