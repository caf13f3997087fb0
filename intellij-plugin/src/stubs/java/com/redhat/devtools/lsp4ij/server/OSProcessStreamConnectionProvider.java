// Signature-only stand-in for com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
// never shipped. The real class also implements ProcessDataProvider; only the members Strata uses
// are declared here.
package com.redhat.devtools.lsp4ij.server;

import com.intellij.execution.configurations.GeneralCommandLine;
import java.io.InputStream;
import java.io.OutputStream;

public class OSProcessStreamConnectionProvider implements StreamConnectionProvider {
  public OSProcessStreamConnectionProvider() {}

  public OSProcessStreamConnectionProvider(GeneralCommandLine commandLine) {}

  public void setCommandLine(GeneralCommandLine commandLine) {
    throw new UnsupportedOperationException("stand-in");
  }

  public GeneralCommandLine getCommandLine() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public void start() throws CannotStartProcessException {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public InputStream getInputStream() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public OutputStream getOutputStream() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public void stop() {
    throw new UnsupportedOperationException("stand-in");
  }
}
