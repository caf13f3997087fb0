package dev.strata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test of a path agrees with the test of a file name. */
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
          ManifestReader.isKustomizationFile(path),
          path);
    }
  }
}
