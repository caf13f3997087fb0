package dev.strata.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.ManifestReader;
import org.junit.jupiter.api.Test;

/** The resolver's test of a path agrees with the file-name test kustomize's names are read by. */
class KustomizationFileTest {
  @Test
  void aPathNamesAKustomizationFileExactlyWhenItsFileNameIsOne() {
    String[] paths = {
      "kustomization.yaml",
      "kustomization.yml",
      "Kustomization",
      "apps/kustomization.yaml",
      "apps/a/Kustomization",
      "apps/my-kustomization.yaml",
      "apps/kustomization.yaml.bak",
      "apps/kustomization.yaml/x.yaml",
      "xkustomization.yml",
      "apps/KUSTOMIZATION.yaml",
      "kustomization",
      "",
    };
    for (String path : paths) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      assertEquals(
          ManifestReader.isKustomizationFileName(name),
          SourceResolver.kustomizationFile(path),
          path);
    }
  }
}
