package dev.strata.intellij.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FluxYamlFilesTest {

  @Test
  void acceptsYamlAndYmlInAnyCase() {
    assertTrue(FluxYamlFiles.accepts("/repo/kubernetes/apps/storage/ceph-csi/ks.yaml"));
    assertTrue(FluxYamlFiles.accepts("/repo/clusters/prod/flux-system/gotk-sync.yml"));
    assertTrue(FluxYamlFiles.accepts("/repo/apps/Secret.YAML"));
  }

  @Test
  void acceptsTheConfigurationFilesTheRulesRead() {
    assertTrue(FluxYamlFiles.accepts("/repo/.sops.yaml"));
    assertTrue(FluxYamlFiles.accepts("/repo/.strata.yaml"));
    assertTrue(FluxYamlFiles.accepts("/repo/apps/kustomization.yaml"));
  }

  @Test
  void rejectsOtherFiles() {
    assertFalse(FluxYamlFiles.accepts("/repo/README.md"));
    assertFalse(FluxYamlFiles.accepts("/repo/values.yaml.bak"));
    assertFalse(FluxYamlFiles.accepts("/repo/yaml"));
  }

  @Test
  void rejectsFilesInsideGitAndNodeModules() {
    assertFalse(FluxYamlFiles.accepts("/repo/.git/hooks/config.yaml"));
    assertFalse(FluxYamlFiles.accepts("/repo/node_modules/pkg/action.yml"));
  }

  @Test
  void acceptsWindowsSeparators() {
    assertTrue(FluxYamlFiles.accepts("C:\\repo\\apps\\ks.yaml"));
    assertFalse(FluxYamlFiles.accepts("C:\\repo\\.git\\x.yaml"));
  }
}
