package org.hexproof.bridge.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link SerialLine}.
 *
 * @param pingInterval how long the line may stay without a reply before it sends its dialect's
 *     ping; {@link Duration#ZERO} turns pinging off
 * @param pingTimeout how long a ping may take before the link counts as dead
 * @param initialBackoff delay before the first reopen after the link went down; doubles after every
 *     failed reopen
 * @param maxBackoff the longest delay between reopen attempts
 */
public record SerialLineOptions(
    Duration pingInterval, Duration pingTimeout, Duration initialBackoff, Duration maxBackoff) {

  /** Validates. */
  public SerialLineOptions {
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(pingTimeout, "pingTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (pingInterval.isNegative() || !positive(pingTimeout) || !positive(initialBackoff)) {
      throw new IllegalArgumentException(
          "pingInterval must be >= 0, pingTimeout and initialBackoff > 0");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
    }
  }

  /** Ping after 30 s of silence, 2 s to answer; reopen after 0.5 s, backing off to 30 s. */
  public static SerialLineOptions defaults() {
    return new SerialLineOptions(
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  /** These options with another ping interval. */
  public SerialLineOptions withPingInterval(Duration interval) {
    return new SerialLineOptions(interval, pingTimeout, initialBackoff, maxBackoff);
  }

  /** These options with other reopen delays. */
  public SerialLineOptions withBackoff(Duration initial, Duration max) {
    return new SerialLineOptions(pingInterval, pingTimeout, initial, max);
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
