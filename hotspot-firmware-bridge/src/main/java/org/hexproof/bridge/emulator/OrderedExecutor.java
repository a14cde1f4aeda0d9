package org.hexproof.bridge.emulator;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: what a single-thread executor
 * gives, without a thread of its own, so thousands of these share a few threads. A task never runs
 * on the submitting call's stack. After {@link #close} new tasks are rejected and queued ones
 * dropped; a task already running finishes.
 */
public final class OrderedExecutor implements Executor, AutoCloseable {
  /** Tasks run per turn on a pool thread. */
  private static final int BATCH = 64;

  private final Executor pool;
  private final Queue<Runnable> queue = new ArrayDeque<>();
  private boolean draining;
  private boolean closed;

  /**
   * @param pool runs the drain task; must not run tasks on the caller's thread
   */
  public OrderedExecutor(Executor pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  /**
   * Queues {@code task} after every task submitted before it.
   *
   * @throws RejectedExecutionException when closed, or when the pool rejects the drain task
   */
  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    synchronized (queue) {
      if (closed) {
        throw new RejectedExecutionException("ordered executor closed");
      }
      queue.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      pool.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (queue) {
        queue.clear();
        draining = false;
      }
      throw e;
    }
  }

  /** Stops accepting tasks and drops the queued ones. */
  @Override
  public void close() {
    synchronized (queue) {
      closed = true;
      queue.clear();
    }
  }

  /**
   * Runs queued tasks, handing the pool thread back after a batch so other executors get their
   * turn. A task that throws still lets the queue go on: its exception reaches the pool's handler.
   */
  private void drain() {
    boolean more = true;
    try {
      for (int i = 0; i < BATCH; i++) {
        Runnable next;
        synchronized (queue) {
          next = queue.poll();
          if (next == null) {
            draining = false;
            more = false;
            return;
          }
        }
        next.run();
      }
    } finally {
      if (more) {
        resubmit();
      }
    }
  }

  private void resubmit() {
    try {
      pool.execute(this::drain);
    } catch (RejectedExecutionException stopping) {
      synchronized (queue) {
        queue.clear();
        draining = false;
      }
    }
  }
}
