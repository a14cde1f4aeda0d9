package org.hexproof.gateway.regulation;

import java.math.BigDecimal;
import java.time.Duration;

/** Formatting of detail texts: frequencies in MHz, airtime in ms, limits in percent. */
final class Units {
  private Units() {}

  /** {@code 867900000} → {@code "867.9 MHz"}. */
  static String mhz(long hz) {
    return BigDecimal.valueOf(hz, 6).stripTrailingZeros().toPlainString() + " MHz";
  }

  /** Milliseconds to the microsecond: {@code "2465.792 ms"}. */
  static String ms(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos() / 1_000L, 3).toPlainString() + " ms";
  }

  /** {@code 100} → {@code "1 %"}, {@code 10} → {@code "0.1 %"}. */
  static String percent(int basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
  }

  /** Tenths of a dB(m) to text: {@code 161} → {@code "16.1"}. */
  static String tenths(long tenths) {
    return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString();
  }

  /** Seconds without trailing zeros: {@code "3600 s"}. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
  }
}
