// Signature-only stand-in for com.redhat.devtools.lsp4ij.DocumentMatcher; never shipped.
package com.redhat.devtools.lsp4ij;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;

public interface DocumentMatcher {
  boolean match(VirtualFile file, Project project);
}
