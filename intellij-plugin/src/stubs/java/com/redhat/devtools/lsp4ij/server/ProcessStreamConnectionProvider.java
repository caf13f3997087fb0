// Signature-only stand-in for com.redhat.devtools.lsp4ij.server.ProcessStreamConnectionProvider;
// never shipped.
// The real class also implements ProcessDataProvider; only the members Strata uses are declared
// here.
package com.redhat.devtools.lsp4ij.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

public abstract class ProcessStreamConnectionProvider implements StreamConnectionProvider {
  public ProcessStreamConnectionProvider() {}

  public ProcessStreamConnectionProvider(List<String> commands) {}

  public ProcessStreamConnectionProvider(List<String> commands, String workingDir) {}

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

  public List<String> getCommands() {
    throw new UnsupportedOperationException("stand-in");
  }

  public void setCommands(List<String> commands) {
    throw new UnsupportedOperationException("stand-in");
  }
}
