package org.hexproof.bridge.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A transmission the module reported done.
 *
 * @param payloadBytes bytes sent, 0..255
 * @param timeOnAir the computed airtime for these bytes and settings (radio.md §3.1)
 * @param doneAt when the module's "done" report was read, from the injected clock
 */
public record TransmitResult(int payloadBytes, Duration timeOnAir, Instant doneAt) {
  /** Validates. */
  public TransmitResult {
    Objects.requireNonNull(timeOnAir, "timeOnAir");
    Objects.requireNonNull(doneAt, "doneAt");
    if (payloadBytes < 0 || payloadBytes > 255) {
      throw new IllegalArgumentException("payload: expected 0..255 bytes, got " + payloadBytes);
    }
  }
}
