package org.hexproof.bridge.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the {@code n}-th consecutive failure wait {@code min(max,
 * initial · 2^(n−1))}, scaled by a uniform factor in {@code [1 − jitter, 1 + jitter]} and capped at
 * {@code max} again.
 *
 * @param initial the wait after the first failure, > 0
 * @param max the longest wait, >= initial
 * @param jitter the relative spread, 0..1 (0 = exact doubling)
 */
public record Backoff(Duration initial, Duration max, double jitter) {
  /** Validates. */
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff: expected 0 < initial <= max, got " + initial + " and " + max);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("backoff jitter: expected 0..1, got " + jitter);
    }
  }

  /** 1 s doubling to 5 min, ±20 %. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
  }

  /**
   * The wait after {@code failures} consecutive failures.
   *
   * @param failures >= 1
   * @param random draws the jitter
   */
  public Duration delay(int failures, Random random) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures: expected >= 1, got " + failures);
    }
    long maxMs = max.toMillis();
    int doublings = Math.min(failures - 1, 62);
    long base = initial.toMillis();
    for (int i = 0; i < doublings && base < maxMs; i++) {
      base *= 2;
    }
    base = Math.min(base, maxMs);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.min(maxMs, Math.round(base * factor)));
  }

  /**
   * The wait after {@code failures} consecutive failures when the receiver asked for at least
   * {@code asked} (an HTTP {@code Retry-After}, RFC 9110 §10.2.3): the longer of the two, but never
   * more than {@link #max}, so a busy receiver is not asked again early and an outlandish header
   * cannot stall the outbox.
   *
   * @param failures >= 1
   * @param random draws the jitter
   * @param asked the receiver's wait, >= 0; empty: {@link #delay(int, Random)}
   */
  public Duration delay(int failures, Random random, Optional<Duration> asked) {
    Duration wait = delay(failures, random);
    if (asked.isEmpty() || asked.get().compareTo(wait) <= 0) {
      return wait;
    }
    return asked.get().compareTo(max) < 0 ? asked.get() : max;
  }
}
