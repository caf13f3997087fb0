package dev.strata.intellij.ide;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.DocumentMatcher;
import dev.strata.intellij.files.FluxYamlFiles;

/** Narrows LSP4IJ's YAML mappings to the files the Strata server analyses. */
public final class FluxYamlMatcher implements DocumentMatcher {

  @Override
  public boolean match(VirtualFile file, Project project) {
    return FluxYamlFiles.accepts(file.getPath());
  }
}
