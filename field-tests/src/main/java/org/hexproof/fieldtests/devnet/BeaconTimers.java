package org.hexproof.fieldtests.devnet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.bridge.daemon.BeaconScheduler;

/**
 * One beacon per hotspot per window, at a random moment of the window ({@link BeaconScheduler}), on
 * the accelerated clock. A failed beacon (no entropy yet, radio or downlink failure) is tried again
 * 30 simulated seconds later in the same window.
 *
 * <p>A beacon blocks its thread while it fetches the entropy from the oracle, takes its time on air
 * (on the devnet's clock: 250 wall ms at SF12 and speed 10) and queues its report. By Little's law
 * N hotspots at speed s with window w keep {@code N·s/w × (beacon wall time)} beacons in flight.
 * The pool has threads for beacons of up to {@link #BEACON_BUDGET} of wall time, at least {@link
 * #MIN_THREADS}; beyond that beacons wait their turn rather than start a thread each (measured in
 * DevnetScale: 0.55 s per beacon at 500 hotspots, 2.8 s at 1,000 on an overloaded machine).
 */
final class BeaconTimers implements AutoCloseable {
  /** Wall time per beacon the pool is sized for. */
  static final Duration BEACON_BUDGET = Duration.ofSeconds(5);

  /** The smallest pool; idle threads end after {@link #IDLE}. */
  static final int MIN_THREADS = 16;

  /** The largest pool, whatever the fleet: past it the machine, not the pool, is the limit. */
  static final int MAX_THREADS = 1_024;

  private static final Duration IDLE = Duration.ofSeconds(10);

  private final AcceleratedClock clock;
  private final Duration window;
  private final PrintStream log;
  private final Random random;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> DevnetThreads.daemonThread(r, "devnet-beacon-timer"));
  private final ThreadPoolExecutor beacons;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean closing;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger peakPending = new AtomicInteger();
  private final AtomicLong beaconNanos = new AtomicLong();

  BeaconTimers(AcceleratedClock clock, Duration window, int hotspots, PrintStream log, long seed) {
    this.clock = clock;
    this.beacons = beaconPool(threadsFor(hotspots, clock.speed(), window));
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

  /** The most beacons due at once so far: running, or waiting for a thread of the pool. */
  int peakInFlight() {
    return peakPending.get();
  }

  /** Wall time a sent beacon held its thread, on average so far; zero before the first. */
  Duration meanBeaconWall() {
    long n = sent.get();
    return n == 0 ? Duration.ZERO : Duration.ofNanos(beaconNanos.get() / n);
  }

  /** Little's law: beacons per wall second times {@link #BEACON_BUDGET}, within the bounds. */
  static int threadsFor(int hotspots, double speed, Duration window) {
    return poolSize(
        beaconsPerWallSecond(hotspots, speed, window), BEACON_BUDGET, MIN_THREADS, MAX_THREADS);
  }

  /**
   * Little's law: threads for work arriving at {@code perWallSecond} that holds a thread for {@code
   * hold} each, rounded up and kept within {@code min..max}.
   */
  static int poolSize(double perWallSecond, Duration hold, int min, int max) {
    long busy = (long) Math.ceil(perWallSecond * hold.toMillis() / 1000.0);
    return (int) Math.max(min, Math.min(busy, max));
  }

  /** Beacons a fleet sends per wall second: one per hotspot per window, on the clock's speed. */
  static double beaconsPerWallSecond(int hotspots, double speed, Duration window) {
    return hotspots * speed / (window.toMillis() / 1000.0);
  }

  private static ThreadPoolExecutor beaconPool(int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> DevnetThreads.daemonThread(r, "devnet-beacon"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public void close() {
    closing = true;
    DevnetThreads.stop(timer, beacons);
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
      // the window the beacon starts in: reading it after the beacon (its time on air, and any
      // wait for a thread) would skip the next window whenever the beacon ends past a boundary
      long window = schedule.windowOf(clock.instant());
      try {
        long t0 = System.nanoTime();
        hotspot.beaconNow();
        beaconNanos.addAndGet(System.nanoTime() - t0);
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
      peakPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
      try {
        beacons.execute(
            () -> {
              try {
                task.run();
              } finally {
                pending.decrementAndGet();
              }
            });
      } catch (RejectedExecutionException stopping) {
        pending.decrementAndGet(); // the devnet is stopping
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
