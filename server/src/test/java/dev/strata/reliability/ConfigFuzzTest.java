package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.model.SopsConfig;
import dev.strata.model.StrataConfig;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlParser;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the two configuration readers: any text, read as {@code .strata.yaml}
 * and as {@code .sops.yaml}, gives a configuration and its problems without throwing, the same one
 * when read again, and a snapshot that holds both answers which rule applies to a file.
 */
class ConfigFuzzTest {
  private static final List<String> PATHS =
      List.of(
          "apps/app/secret.sops.yaml",
          "clusters/prod/secret.yaml",
          "a/b/c/d/e/f.yml",
          "a".repeat(60) + ".sops.yaml");

  @FuzzTest
  void read(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    YamlFile file = YamlParser.parse(text);
    assertEquals(StrataConfig.read(file), StrataConfig.read(YamlParser.parse(text)));
    SopsConfig sops = SopsConfig.read(".sops.yaml", file);
    assertEquals(sops.problems(), SopsConfig.read(".sops.yaml", file).problems());
    PATHS.forEach(sops::ruleFor);
    Snapshot snapshot =
        Views.snapshot(
            List.of(
                SourceFile.parse(Snapshot.CONFIG_FILE, text),
                SourceFile.parse(".sops.yaml", text),
                SourceFile.parse("apps/.sops.yml", text),
                SourceFile.parse(PATHS.get(0), "kind: Secret\n")));
    snapshot.config().severity("unencrypted-secret");
    PATHS.forEach(snapshot::sopsConfigFor);
  }
}
