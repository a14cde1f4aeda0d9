package org.hexproof.fieldtests.devnet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that starts at a given instant and runs {@code speed} times faster than the wall
 * clock: every service of the devnet and its fleet read the same one, so all time rules are judged
 * in simulated time.
 */
public final class AcceleratedClock extends Clock {
  private final Instant start;
  private final long originNanos;
  private final double speed;

  private AcceleratedClock(Instant start, long originNanos, double speed) {
    this.start = start;
    this.originNanos = originNanos;
    this.speed = speed;
  }

  /**
   * A clock reading {@code start} now and advancing {@code speed} simulated seconds per second.
   *
   * @throws IllegalArgumentException unless {@code speed} is in [1, 1000]
   */
  public static AcceleratedClock startingAt(Instant start, double speed) {
    if (!(speed >= 1 && speed <= 1000)) {
      throw new IllegalArgumentException("speed: expected 1..1000, got " + speed);
    }
    return new AcceleratedClock(start, System.nanoTime(), speed);
  }

  /** Simulated seconds per wall-clock second. */
  public double speed() {
    return speed;
  }

  /** The wall-clock time {@code simulated} takes on this clock, at least {@code floor}. */
  public Duration wall(Duration simulated, Duration floor) {
    Duration d = Duration.ofNanos((long) (simulated.toNanos() / speed));
    return d.compareTo(floor) < 0 ? floor : d;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("the devnet clock is UTC only");
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  @Override
  public Instant instant() {
    long elapsed = System.nanoTime() - originNanos;
    return start.plusNanos((long) (elapsed * speed));
  }

  @Override
  public String toString() {
    return "AcceleratedClock[start=" + start + ", speed=" + speed + "]";
  }
}
