package org.hexproof.fieldtests.rf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A UTC clock that only moves when told to, for {@link SimulatedMedium#manual} scenarios. */
public final class ManualClock extends Clock {
  private volatile Instant now;

  /** A clock reading {@code start}. */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Moves the clock forward; negative durations are refused (the medium assumes monotonic). */
  public synchronized void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("advance: expected a duration ≥ 0, got " + by);
    }
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a manual clock is always UTC");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
