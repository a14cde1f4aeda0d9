package org.hexproof.bridge.tasks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: what a single-thread executor
 * gives one component, without a thread of its own. Delayed tasks wait on a shared timer and then
 * join the queue, so the timer thread never runs them. A task that throws is logged and the next
 * one runs. After each task the executor hands its pool thread back and queues itself again, so one
 * busy executor cannot starve the others on the pool.
 *
 * <p>{@link #close} drops queued tasks and cancels timers ({@link #awaitIdle} then waits for the
 * running one); it does not stop the pool or the timer, which belong to whoever made them.
 */
public final class SerialExecutor implements Executor, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  private final String name;
  private final Executor pool;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final Set<Future<?>> timers = ConcurrentHashMap.newKeySet();
  private boolean scheduled; // a drain is queued on the pool or running; guarded by queue
  private boolean closed; // guarded by queue
  private Thread runner; // guarded by queue

  /**
   * @param name names the executor in logs
   * @param pool runs the tasks; should have threads to spare (a task may block)
   * @param timer holds delayed tasks until they are due; must run only short tasks
   */
  public SerialExecutor(String name, Executor pool, ScheduledExecutorService timer) {
    this.name = Objects.requireNonNull(name, "name");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  /**
   * An executor without delayed tasks ({@link #schedule} and {@link #scheduleWithFixedDelay} throw
   * {@code IllegalStateException}).
   *
   * @param name names the executor in logs
   * @param pool runs the tasks; should have threads to spare (a task may block)
   */
  public SerialExecutor(String name, Executor pool) {
    this.name = Objects.requireNonNull(name, "name");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.timer = null;
  }

  /**
   * Queues {@code task} behind every task submitted before it.
   *
   * @throws RejectedExecutionException after {@link #close}, or when the pool refuses
   */
  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    synchronized (queue) {
      if (closed) {
        throw new RejectedExecutionException(name + ": closed");
      }
      queue.add(task);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    submitDrain();
  }

  /**
   * Queues {@code task} after {@code delay}; after {@link #close} nothing is queued.
   *
   * @throws RejectedExecutionException after {@link #close}, or when the timer is shut down
   * @throws IllegalStateException when made without a timer
   */
  public Future<?> schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    if (timer == null) {
      throw new IllegalStateException(name + ": made without a timer, cannot delay a task");
    }
    synchronized (queue) {
      if (closed) {
        throw new RejectedExecutionException(name + ": closed");
      }
    }
    Future<?>[] self = new Future<?>[1];
    Runnable due =
        () -> {
          synchronized (self) {
            timers.remove(self[0]); // waits until self[0] is set
          }
          try {
            execute(task);
          } catch (RejectedExecutionException e) {
            log.debug("{}: closed before a timer fired", name);
          }
        };
    synchronized (self) {
      self[0] = timer.schedule(due, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      timers.add(self[0]);
    }
    return self[0];
  }

  /**
   * Runs {@code task} after {@code initial}, then again {@code delay} after each run ends, until
   * {@link #close}; a run that throws does not stop the next.
   */
  public void scheduleWithFixedDelay(Runnable task, Duration initial, Duration delay) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");
    schedule(
        new Runnable() {
          @Override
          public void run() {
            try {
              task.run();
            } finally {
              try {
                schedule(this, delay);
              } catch (RejectedExecutionException e) {
                log.debug("{}: closed, periodic task stops", name);
              }
            }
          }
        },
        initial);
  }

  /** Drops queued tasks and cancels timers; a task already running finishes. Idempotent. */
  @Override
  public void close() {
    synchronized (queue) {
      closed = true;
      queue.clear();
    }
    timers.forEach(f -> f.cancel(false));
    timers.clear();
  }

  /**
   * Waits until no task of this executor runs, at most {@code limit}; returns at once when called
   * from one of its tasks.
   *
   * @return whether no task runs now
   */
  public boolean awaitIdle(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (queue) {
      while (runner != null && runner != Thread.currentThread()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          queue.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public String toString() {
    return "SerialExecutor[" + name + "]";
  }

  private void submitDrain() {
    try {
      pool.execute(this::runOne);
    } catch (RejectedExecutionException e) {
      synchronized (queue) {
        scheduled = false;
        queue.clear();
      }
      throw e;
    }
  }

  private void runOne() {
    Runnable task;
    synchronized (queue) {
      task = queue.poll();
      if (task == null) {
        scheduled = false;
        return;
      }
      runner = Thread.currentThread();
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("{}: task failed", name, e);
    } finally {
      boolean more;
      synchronized (queue) {
        runner = null;
        queue.notifyAll();
        more = !queue.isEmpty();
        scheduled = more;
      }
      if (more) {
        try {
          submitDrain();
        } catch (RejectedExecutionException e) {
          log.debug("{}: pool stopped, queued tasks dropped", name);
        }
      }
    }
  }
}
