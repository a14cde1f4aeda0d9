package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an emulated module's physical delays (time on air, reboot, scan, receive windows) take
 * in wall time. A real module on a real serial line runs on {@link #REAL} time; an emulator inside
 * a simulation whose clock runs {@code speed} times faster than the wall clock waits {@code
 * physical / speed}, so that what it does lands at the right moment of the simulated clock.
 */
@FunctionalInterface
public interface TimeBase {
  /** Wall time equals physical time: what a module on a bench does. */
  TimeBase REAL = physical -> physical;

  /**
   * The wall time {@code physical} takes on this time base.
   *
   * @param physical a module-side duration, not negative
   * @return the wall time to wait, not negative
   */
  Duration wall(Duration physical);

  /**
   * A time base whose clock runs {@code speed} simulated seconds per wall second: {@code physical}
   * takes {@code physical / speed} of wall time, rounded down to the nanosecond.
   *
   * @throws IllegalArgumentException unless {@code speed} is finite and at least 1
   */
  static TimeBase acceleratedBy(double speed) {
    if (!(speed >= 1 && speed < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("speed: expected a finite number ≥ 1, got " + speed);
    }
    if (speed == 1) {
      return REAL;
    }
    return physical -> {
      Objects.requireNonNull(physical, "physical");
      if (physical.isNegative()) {
        throw new IllegalArgumentException("physical: expected ≥ 0, got " + physical);
      }
      return Duration.ofNanos((long) (physical.toNanos() / speed));
    };
  }
}
