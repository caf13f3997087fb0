package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The analysis computes each derived fact once, however many threads ask for it at once. */
class AnalysisCacheTest {
  private static final int ASKERS = 4;

  // A fresh set per test (JUnit makes an instance per test method).
  private final Analysis analysis = Fixture.of("#- a.yaml\nkind: ConfigMap\n").analysis();
  private final AtomicInteger computed = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> made = new ArrayList<>();

  @Test
  void threadsThatAskWhileAFactIsComputedWaitForThatComputation() throws Exception {
    ExecutorService threads = pool(ASKERS);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      answers.add(threads.submit(() -> analysis.derived("fact", this::slow)));
      assertTrue(started.await(10, TimeUnit.SECONDS), "the first asker computes");
      for (int i = 1; i < ASKERS; i++) {
        answers.add(threads.submit(() -> analysis.derived("fact", this::slow)));
      }
      awaitParked(ASKERS);
      release.countDown();
      Object first = answers.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Object> answer : answers) {
        assertSame(first, answer.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, computed.get());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aComputationThatFailsFailsEveryWaitingAskerAndIsNotKept() throws Exception {
    ExecutorService threads = pool(2);
    try {
      Future<Object> first =
          threads.submit(
              () ->
                  analysis.derived(
                      "fact",
                      () -> {
                        slow();
                        throw new IllegalStateException("broken");
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Future<Object> waiting = threads.submit(() -> analysis.derived("fact", this::slow));
      awaitParked(2);
      release.countDown();
      for (Future<Object> answer : List.of(first, waiting)) {
        ExecutionException failed =
            assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        assertEquals("broken", failed.getCause().getMessage());
      }
      assertEquals(1, computed.get(), "the waiting asker did not compute it again");
      assertEquals("fresh", analysis.derived("fact", () -> "fresh"), "a later asker computes it");
    } finally {
      threads.shutdownNow();
    }
  }

  /** Counts, says it started, and returns a new object once released. */
  private Object slow() {
    computed.incrementAndGet();
    started.countDown();
    try {
      if (!release.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Object();
  }

  /** A pool whose threads are recorded, so that a test can see them wait. */
  private ExecutorService pool(int size) {
    return Executors.newFixedThreadPool(
        size,
        task -> {
          Thread thread = new Thread(task, "asker");
          synchronized (made) {
            made.add(thread);
          }
          return thread;
        });
  }

  /**
   * Until {@code count} of the pool's threads are parked: the one computing waits for its release,
   * the others for its computation (every thread has a task, so none parks idle).
   */
  private void awaitParked(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (parked() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the askers never waited");
      }
      Thread.onSpinWait();
    }
  }

  private long parked() {
    synchronized (made) {
      return made.stream()
          .map(Thread::getState)
          .filter(s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
          .count();
    }
  }
}
