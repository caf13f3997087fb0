// Signature-only stand-in for com.intellij.execution.configurations.GeneralCommandLine; never
// shipped.
// The real class has many more members; only those Strata uses are declared here.
package com.intellij.execution.configurations;

import java.nio.charset.Charset;
import java.util.List;

public class GeneralCommandLine {
  public GeneralCommandLine(List<String> command) {}

  public GeneralCommandLine withCharset(Charset charset) {
    throw new UnsupportedOperationException("stand-in");
  }
}
