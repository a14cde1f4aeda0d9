package org.hexproof.core.radio;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How long one LoRa packet occupies the channel.
 *
 * @param micros time on air in microseconds (exact for 125/250/500 kHz, rounded half-up to the
 *     microsecond for the narrow bandwidths)
 * @param quarterSymbols total symbols (preamble, sync and payload) times four: the formula's
 *     fractional parts are all quarters
 */
public record TimeOnAir(long micros, long quarterSymbols) {

  /** Validates that both values are positive. */
  public TimeOnAir {
    if (micros <= 0 || quarterSymbols <= 0) {
      throw new IllegalArgumentException(
          "time on air: expected positive values, got " + micros + " µs, " + quarterSymbols);
    }
  }

  /** Total symbols on air, e.g. 75.25. */
  public BigDecimal symbols() {
    return BigDecimal.valueOf(quarterSymbols).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
  }

  /** Milliseconds with microsecond precision, e.g. 2465.792. */
  public BigDecimal millis() {
    return BigDecimal.valueOf(micros, 3);
  }

  /** As a duration. */
  public Duration duration() {
    return Duration.ofNanos(Math.multiplyExact(micros, 1000L));
  }
}
