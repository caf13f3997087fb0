package dev.strata.lsp;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the server when the editor that started it dies without saying goodbye (the {@code
 * processId} of initialize). Polls, because {@code onExit()} of a process that is not our parent
 * may never fire.
 */
final class ParentWatcher {
  private static final long PERIOD_MS = 1000;

  private ParentWatcher() {}

  static void watch(Integer processId, ScheduledExecutorService executor, Runnable onDeath) {
    if (processId == null) {
      return;
    }
    executor.scheduleAtFixedRate(
        () -> {
          Optional<ProcessHandle> parent = ProcessHandle.of(processId.longValue());
          if (parent.isEmpty() || !parent.get().isAlive()) {
            onDeath.run();
          }
        },
        PERIOD_MS,
        PERIOD_MS,
        TimeUnit.MILLISECONDS);
  }
}
