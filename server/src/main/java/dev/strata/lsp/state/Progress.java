package dev.strata.lsp.state;

/**
 * Reports a long task (indexing) to whoever shows it; the server maps it to
 * window/workDoneProgress.
 */
public interface Progress {
  Progress NONE =
      new Progress() {
        @Override
        public void report(String message, int percent) {}

        @Override
        public void end(String message) {}
      };

  void report(String message, int percent);

  void end(String message);
}
