package org.hexproof.benchmarks;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The phases every closed-loop load goes through: its threads run untimed for a warm-up, record
 * during a timed window, and stop. Threads poll {@link #measuring} and {@link #stopped}.
 */
final class LoadWindow {
  private final AtomicBoolean measuring = new AtomicBoolean();
  private final AtomicBoolean stop = new AtomicBoolean();

  /** The length of the timed window and the 1-minute load average at its end. */
  record Timed(double seconds, String loadAverage) {}

  /** Whether requests finishing now are counted. */
  boolean measuring() {
    return measuring.get();
  }

  /** Whether the threads should finish. */
  boolean stopped() {
    return stop.get();
  }

  /** Starts {@code threads}, waits out the warm-up, times the window, then stops and joins them. */
  Timed run(Thread[] threads, int warmupSeconds, int seconds) throws InterruptedException {
    for (Thread t : threads) {
      t.start();
    }
    Thread.sleep(warmupSeconds * 1000L);
    measuring.set(true);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    long t1 = System.nanoTime();
    String load = LoadAverage.oneMinute();
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    return new Timed((t1 - t0) / 1e9, load);
  }
}
