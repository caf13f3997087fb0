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

  @Test
  void threadsThatAskWhileAFactIsComputedWaitForThatComputation() throws Exception {
    Analysis analysis = Fixture.of("#- a.yaml\nkind: ConfigMap\n").analysis();
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> made = new ArrayList<>();
    ExecutorService threads = pool(ASKERS, made);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      answers.add(
          threads.submit(() -> analysis.derived("fact", () -> slow(computed, started, release))));
      assertTrue(started.await(10, TimeUnit.SECONDS), "the first asker computes");
      for (int i = 1; i < ASKERS; i++) {
        answers.add(
            threads.submit(() -> analysis.derived("fact", () -> slow(computed, started, release))));
      }
      awaitParked(made, ASKERS);
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
    Analysis analysis = Fixture.of("#- a.yaml\nkind: ConfigMap\n").analysis();
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> made = new ArrayList<>();
    ExecutorService threads = pool(2, made);
    try {
      Future<Object> first =
          threads.submit(
              () ->
                  analysis.derived(
                      "fact",
                      () -> {
                        slow(computed, started, release);
                        throw new IllegalStateException("broken");
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Future<Object> waiting =
          threads.submit(() -> analysis.derived("fact", () -> slow(computed, started, release)));
      awaitParked(made, 2);
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

  private static Object slow(
      AtomicInteger computed, CountDownLatch started, CountDownLatch release) {
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

  /** A pool whose threads are recorded in {@code made}, so that a test can see them wait. */
  private static ExecutorService pool(int size, List<Thread> made) {
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
  private static void awaitParked(List<Thread> made, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (parked(made) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the askers never waited");
      }
      Thread.onSpinWait();
    }
  }

  private static long parked(List<Thread> made) {
    synchronized (made) {
      return made.stream()
          .map(Thread::getState)
          .filter(s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
          .count();
    }
  }
}
