package org.hexproof.core.epoch;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code index}-th period of fixed {@code length} counted from the Unix epoch: the half-open
 * interval [1970-01-01T00:00Z + index × length, + length). Rewards use UTC days, as Helium's
 * oracles do ({@code EpochInfo(e)} = [UNIX_EPOCH + e days, +1 day)), so day {@code e} is the one
 * with {@code e = unix_seconds / 86400}.
 *
 * @param index epoch number, ≥ 0
 * @param length epoch length, not null, positive; the epoch's end must be representable as an
 *     {@link Instant}
 */
public record Epoch(long index, Duration length) {

  /** The length of a reward epoch: one UTC day (86,400 s; java.time has no leap seconds). */
  public static final Duration DAY = Duration.ofDays(1);

  /**
   * Validates the arguments.
   *
   * @throws NullPointerException if {@code length} is null
   * @throws IllegalArgumentException if {@code index} is negative, {@code length} is not positive,
   *     or the epoch ends beyond {@link Instant#MAX}
   */
  public Epoch {
    Objects.requireNonNull(length, "length");
    if (index < 0) {
      throw new IllegalArgumentException("index: expected ≥ 0, got " + index);
    }
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length: expected > 0, got " + length);
    }
    try {
      Instant.EPOCH.plus(length.multipliedBy(index)).plus(length);
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(
          "epoch " + index + " of length " + length + " ends beyond Instant.MAX", e);
    }
  }

  /**
   * Returns UTC day {@code index}.
   *
   * @param index day number since 1970-01-01, ≥ 0
   * @return the epoch
   * @throws IllegalArgumentException if {@code index} is negative or too large
   */
  public static Epoch ofDay(long index) {
    return new Epoch(index, DAY);
  }

  /**
   * Returns the epoch of the given length that contains {@code instant}.
   *
   * @param instant a time at or after 1970-01-01T00:00Z, not null
   * @param length epoch length, positive, not null
   * @return the epoch with {@code start() ≤ instant < end()}
   * @throws IllegalArgumentException if {@code instant} is before the Unix epoch or {@code length}
   *     is not positive
   */
  public static Epoch containing(Instant instant, Duration length) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(length, "length");
    if (instant.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException(
          "instant: expected ≥ 1970-01-01T00:00:00Z, got " + instant);
    }
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length: expected > 0, got " + length);
    }
    // Both operands are non-negative, so truncating division is floor division.
    return new Epoch(Duration.between(Instant.EPOCH, instant).dividedBy(length), length);
  }

  /**
   * Returns the UTC day that contains {@code instant}.
   *
   * @param instant a time at or after 1970-01-01T00:00Z, not null
   * @return the day epoch
   * @throws IllegalArgumentException if {@code instant} is before the Unix epoch
   */
  public static Epoch dayContaining(Instant instant) {
    return containing(instant, DAY);
  }

  /**
   * Returns the first instant of this epoch (inclusive).
   *
   * @return the start
   */
  public Instant start() {
    return Instant.EPOCH.plus(length.multipliedBy(index));
  }

  /**
   * Returns the first instant after this epoch (exclusive), which is the next epoch's start.
   *
   * @return the end
   */
  public Instant end() {
    return start().plus(length);
  }

  /**
   * Tells whether {@code instant} falls in [start, end).
   *
   * @param instant a time, not null
   * @return true if {@code start() ≤ instant < end()}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  /**
   * Returns the following epoch of the same length.
   *
   * @return the epoch with index + 1
   * @throws IllegalArgumentException if it would end beyond {@link Instant#MAX}
   */
  public Epoch next() {
    return new Epoch(Math.addExact(index, 1), length);
  }

  /**
   * Returns the preceding epoch of the same length.
   *
   * @return the epoch with index − 1, or empty for epoch 0
   */
  public Optional<Epoch> previous() {
    return index == 0 ? Optional.empty() : Optional.of(new Epoch(index - 1, length));
  }
}
