package org.hexproof.bridge.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;

/**
 * When a hotspot beacons (radio.md §2.1): time is cut into epoch-aligned windows ({@code floor(unix
 * ms / window ms)}) and one beacon goes out per window at a uniformly random moment. A hotspot that
 * starts in the middle of a window it has not beaconed in draws from what is left of it; one that
 * already beaconed in the current window (the caller passes the persisted window) waits for the
 * next. The moment drawn for a window is kept, so asking again does not move it; a moment already
 * past that has not been used (e.g. the entropy fetch failed) is due immediately.
 *
 * <p>Pure: time comes from the clock, chance from the random source.
 */
public final class BeaconScheduler {
  private final long windowMs;
  private final Clock clock;
  private final Random random;
  private long plannedWindow = Long.MIN_VALUE;
  private Instant plannedFire = Instant.MIN;

  /**
   * @param window the window length, at least 1 s
   * @param clock the time source
   * @param random draws the moment in each window
   */
  public BeaconScheduler(Duration window, Clock clock, Random random) {
    Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("beacon window: expected >= 1 s, got " + window);
    }
    this.windowMs = window.toMillis();
  }

  /** The index of the window containing {@code t}: {@code floor(epoch ms / window ms)}. */
  public long windowOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), windowMs);
  }

  /** The first instant of window {@code index}. */
  public Instant windowStart(long index) {
    return Instant.ofEpochMilli(Math.multiplyExact(index, windowMs));
  }

  /**
   * The moment of the next beacon.
   *
   * @param lastBeaconWindow the window of the last beacon sent, if any (persisted across restarts)
   * @return a moment in the current window when it has had no beacon yet, else in the next one; may
   *     be at or before now, meaning "due now"
   */
  public synchronized Instant nextFire(OptionalLong lastBeaconWindow) {
    Instant now = clock.instant();
    long current = windowOf(now);
    long target =
        lastBeaconWindow.isPresent() && lastBeaconWindow.getAsLong() >= current
            ? lastBeaconWindow.getAsLong() + 1
            : current;
    if (plannedWindow != target) {
      Instant start = windowStart(target);
      Instant from = now.isAfter(start) ? now : start;
      long spanMs = windowStart(target + 1).toEpochMilli() - from.toEpochMilli();
      plannedWindow = target;
      plannedFire = from.plusMillis((long) (random.nextDouble() * spanMs));
    }
    return plannedFire;
  }
}
