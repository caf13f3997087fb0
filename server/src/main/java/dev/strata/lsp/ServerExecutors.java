package dev.strata.lsp;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the server owns, each named so that a thread dump says who is busy: the writer that
 * applies changes in order, the diagnostics scheduler, the request pool and the watchdog. Never the
 * common pool.
 */
public final class ServerExecutors implements AutoCloseable {
  private final ExecutorService writer = Executors.newSingleThreadExecutor(named("strata-writer"));
  private final ScheduledExecutorService diagnostics =
      Executors.newSingleThreadScheduledExecutor(named("strata-diagnostics"));
  private final ExecutorService requests = Executors.newFixedThreadPool(2, named("strata-request"));
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(named("strata-watchdog"));
  private final ExecutorService messages = Executors.newCachedThreadPool(named("strata-jsonrpc"));

  public ExecutorService writer() {
    return writer;
  }

  public ScheduledExecutorService diagnostics() {
    return diagnostics;
  }

  public ExecutorService requests() {
    return requests;
  }

  public ScheduledExecutorService watchdog() {
    return watchdog;
  }

  /** What LSP4J reads and dispatches messages on. */
  public ExecutorService messages() {
    return messages;
  }

  @Override
  public void close() {
    for (ExecutorService executor : List.of(writer, diagnostics, requests, watchdog, messages)) {
      executor.shutdownNow();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      // Daemon threads, so that a client that vanishes without exit never keeps the JVM alive.
      thread.setDaemon(true);
      return thread;
    };
  }
}
