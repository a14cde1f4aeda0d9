package org.hexproof.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at wall-clock speed from an instant the benchmark sets, so that several 6 h
 * beacon rounds fit in one run while receive times inside a round still advance as they would.
 */
final class SteppedClock extends Clock {
  private volatile Instant base;
  private volatile long baseNanos;

  SteppedClock(Instant start) {
    set(start);
  }

  /** From now on the clock reads {@code at} plus the wall time elapsed since this call. */
  synchronized void set(Instant at) {
    baseNanos = System.nanoTime();
    base = at;
  }

  @Override
  public synchronized Instant instant() {
    return base.plusNanos(System.nanoTime() - baseNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
