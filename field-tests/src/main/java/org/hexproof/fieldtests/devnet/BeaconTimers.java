package org.hexproof.fieldtests.devnet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.bridge.daemon.BeaconScheduler;

/**
 * One beacon per hotspot per window, at a random moment of the window ({@link BeaconScheduler}), on
 * the accelerated clock. A failed beacon (no entropy yet, radio or downlink failure) is tried again
 * 30 simulated seconds later in the same window.
 */
final class BeaconTimers implements AutoCloseable {
  private static final int THREADS = 4;

  private final AcceleratedClock clock;
  private final Duration window;
  private final PrintStream log;
  private final Random random;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Devnet.daemonThread(r, "devnet-beacon-timer"));
  private final ExecutorService beacons =
      Executors.newCachedThreadPool(r -> Devnet.daemonThread(r, "devnet-beacon"));
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean closing;

  BeaconTimers(AcceleratedClock clock, Duration window, PrintStream log, long seed) {
    this.clock = clock;
    this.window = window;
    this.log = log;
    this.random = new Random(seed);
  }

  /** Starts beaconing {@code hotspot}, after {@code lastWindow} if it beaconed before. */
  void add(Beaconer hotspot, OptionalLong lastWindow) {
    BeaconScheduler schedule;
    synchronized (random) {
      schedule = new BeaconScheduler(window, clock, new Random(random.nextLong()));
    }
    new Timer(hotspot, schedule).schedule(lastWindow);
  }

  long sent() {
    return sent.get();
  }

  long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    closing = true;
    timer.shutdownNow();
    beacons.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      beacons.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Timer {
    private final Beaconer hotspot;
    private final BeaconScheduler schedule;

    Timer(Beaconer hotspot, BeaconScheduler schedule) {
      this.hotspot = hotspot;
      this.schedule = schedule;
    }

    void schedule(OptionalLong lastWindow) {
      Duration until = Duration.between(clock.instant(), schedule.nextFire(lastWindow));
      Duration wall = until.isNegative() ? Duration.ZERO : clock.wall(until, Duration.ZERO);
      later(() -> onBeaconThread(() -> fire(lastWindow)), wall);
    }

    private void fire(OptionalLong lastWindow) {
      // the window the beacon starts in: a beacon takes its airtime in wall time (25 simulated
      // seconds at SF12 and speed 10), and reading the window after it would skip the next window
      // whenever the beacon ends past a window boundary
      long window = schedule.windowOf(clock.instant());
      try {
        hotspot.beaconNow();
        sent.incrementAndGet();
        schedule(OptionalLong.of(window));
      } catch (RuntimeException e) {
        if (closing) {
          // interrupted by close (Ctrl-C): not a failure of the beacon
          return;
        }
        if (failures.incrementAndGet() <= 3) {
          log.println("devnet: a beacon failed, retrying: " + e);
        }
        later(
            () -> schedule(lastWindow), clock.wall(Duration.ofSeconds(30), Duration.ofMillis(100)));
      }
    }

    private void onBeaconThread(Runnable task) {
      try {
        beacons.execute(task);
      } catch (RejectedExecutionException stopping) {
        // the devnet is stopping
      }
    }

    private void later(Runnable task, Duration wall) {
      try {
        timer.schedule(task, wall.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        // the devnet is stopping
      }
    }
  }
}
