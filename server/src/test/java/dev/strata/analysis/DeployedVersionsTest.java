package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployedVersionsTest {
  private static final Version NEWEST = new Version(2, 9, 4);

  @ParameterizedTest
  @CsvSource({
    "v2.2.2, 2.2.2",
    "0.9.13, 0.9.13",
    "2.3, 2.3.0",
    "2.3.x, 2.3.0",
    "~2.4, 2.4.0",
    "2.x, 2.9.4",
    "*, 2.9.4",
    "'^2.3.0', 2.9.4",
    "'^1.2', 1.2",
    "'>=2.3.0', 2.9.4",
    "'>=3.0', 3.0.0",
    "v2.5.0-rc.1, 2.5.0",
    "'>=2.3 <2.5', ",
    "latest, ",
  })
  void resolvesAVersionOrRangeToTheReleaseItSelects(String range, String expected) {
    Optional<Version> want = expected == null ? Optional.empty() : Version.parse(expected);
    assertEquals(want, DeployedVersions.resolve(range, NEWEST), range);
  }
}
