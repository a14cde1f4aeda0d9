package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.tasks.SerialExecutor;

/**
 * Where emulators run and on which time base: each on a thread of its own (the default, as a module
 * on a bench), or many on one shared scheduler, each still handling its work one task at a time in
 * order, as a simulation of thousands of modules needs. The {@link TimeBase} scales every
 * module-side delay.
 */
public final class EmulatorRuntime {
  private static final EmulatorRuntime DEDICATED = new EmulatorRuntime(null, TimeBase.REAL);

  private final ScheduledExecutorService shared;
  private final TimeBase time;

  private EmulatorRuntime(ScheduledExecutorService shared, TimeBase time) {
    this.shared = shared;
    this.time = Objects.requireNonNull(time, "time");
  }

  /** One thread per emulator, real time: what the emulators do unless told otherwise. */
  public static EmulatorRuntime dedicated() {
    return DEDICATED;
  }

  /** One thread per emulator, on {@code time}. */
  public static EmulatorRuntime dedicated(TimeBase time) {
    return new EmulatorRuntime(null, time);
  }

  /**
   * Every emulator built with this runtime runs on {@code scheduler}, one task at a time per
   * emulator, on {@code time}. The caller owns the scheduler and shuts it down after the emulators.
   * Emulator work is short and never blocks, so a thread or two serve thousands.
   */
  public static EmulatorRuntime shared(ScheduledExecutorService scheduler, TimeBase time) {
    return new EmulatorRuntime(Objects.requireNonNull(scheduler, "scheduler"), time);
  }

  /** The time base of module-side delays. */
  public TimeBase time() {
    return time;
  }

  /** Whether emulators get a thread of their own. */
  public boolean dedicatedThreads() {
    return shared == null;
  }

  /** The worker of one emulator. */
  Worker worker(String name) {
    return Optional.ofNullable(shared)
        .<Worker>map(SharedWorker::new)
        .orElseGet(() -> new DedicatedWorker(name));
  }

  /** Runs one emulator's tasks in order; rejects work once closed. */
  interface Worker {
    /** Runs {@code task} after every task submitted before it. */
    void execute(Runnable task);

    /** Runs {@code task} after {@code wall}; dropped if the worker has closed by then. */
    void schedule(Duration wall, Runnable task);

    /** Stops: queued and future tasks are dropped. */
    void close();
  }

  private static final class DedicatedWorker implements Worker {
    private final ScheduledExecutorService thread;

    DedicatedWorker(String name) {
      thread =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "emulator " + name);
                t.setDaemon(true);
                return t;
              });
    }

    @Override
    public void execute(Runnable task) {
      thread.execute(task);
    }

    @Override
    public void schedule(Duration wall, Runnable task) {
      thread.schedule(task, wall.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  private static final class SharedWorker implements Worker {
    private final SerialExecutor ordered;

    SharedWorker(ScheduledExecutorService scheduler) {
      this.ordered = new SerialExecutor("emulator", scheduler, scheduler);
    }

    @Override
    public void execute(Runnable task) {
      ordered.execute(task);
    }

    @Override
    public void schedule(Duration wall, Runnable task) {
      try {
        ordered.schedule(task, wall);
      } catch (RejectedExecutionException closed) {
        // the emulator is closed: a powered-off module does nothing
      }
    }

    @Override
    public void close() {
      ordered.close();
    }
  }
}
