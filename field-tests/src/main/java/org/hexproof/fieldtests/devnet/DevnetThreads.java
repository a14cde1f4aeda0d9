package org.hexproof.fieldtests.devnet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How the devnet's own pools make and end their threads: daemon threads named for their pool, so a
 * devnet never keeps its JVM alive, and one stop that interrupts and waits for every pool it is
 * given.
 */
final class DevnetThreads {
  private DevnetThreads() {}

  /** A daemon thread named {@code name} running {@code r}. */
  static Thread daemonThread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Interrupts the executors' tasks and waits up to 5 s for each to end; an interrupt of the caller
   * ends the wait and stays set.
   */
  static void stop(ExecutorService... executors) {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
    }
    try {
      for (ExecutorService executor : executors) {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
