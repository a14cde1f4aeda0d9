package org.hexproof.bridge.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A transmission the module reported done.
 *
 * @param payloadBytes bytes sent, 0..255
 * @param timeOnAir the computed airtime for these bytes and settings (radio.md §3.1)
 * @param doneAt when the module's "done" report was read, from the injected clock
 * @param actualPowerDbm the conducted power the radio says it really used, when it differs from the
 *     one asked for (a packet forwarder's TX_ACK {@code warn:"TX_POWER"}, radio.md §2.2); empty
 *     when the radio used the configured power
 */
public record TransmitResult(
    int payloadBytes, Duration timeOnAir, Instant doneAt, OptionalInt actualPowerDbm) {
  /** Validates. */
  public TransmitResult {
    Objects.requireNonNull(timeOnAir, "timeOnAir");
    Objects.requireNonNull(doneAt, "doneAt");
    Objects.requireNonNull(actualPowerDbm, "actualPowerDbm");
    if (payloadBytes < 0 || payloadBytes > 255) {
      throw new IllegalArgumentException("payload: expected 0..255 bytes, got " + payloadBytes);
    }
  }

  /** A transmission at the configured power. */
  public TransmitResult(int payloadBytes, Duration timeOnAir, Instant doneAt) {
    this(payloadBytes, timeOnAir, doneAt, OptionalInt.empty());
  }
}
