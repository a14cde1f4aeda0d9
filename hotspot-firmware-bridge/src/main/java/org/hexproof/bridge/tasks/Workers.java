package org.hexproof.bridge.tasks;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads that many components share: a pool for work that may block and a timer for delays.
 * Whoever made them stops them; components only submit.
 *
 * @param pool runs tasks that may block (serial commands, HTTP requests, file writes)
 * @param timer holds delayed tasks until they are due; runs only short hand-overs
 */
public record Workers(Executor pool, ScheduledExecutorService timer) {
  /** Validates. */
  public Workers {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(timer, "timer");
  }

  /** A new executor that runs its tasks one at a time, in order, on these threads. */
  public SerialExecutor serial(String name) {
    return new SerialExecutor(name, pool, timer);
  }
}
