package org.hexproof.core.radio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The LoRa channel bandwidths a Semtech transceiver supports. The narrow ones are fractions of 500
 * kHz that datasheets round (7.8 kHz is 7812.5 Hz), so each carries its exact value as a fraction
 * {@code numeratorHz / denominator}; time-on-air stays exact to the microsecond.
 */
public enum LoraBandwidth {
  BW7_8(15_625, 2, "7.8"),
  BW10_4(31_250, 3, "10.4"),
  BW15_6(15_625, 1, "15.6"),
  BW20_8(62_500, 3, "20.8"),
  BW31_25(31_250, 1, "31.25"),
  BW41_7(125_000, 3, "41.7"),
  BW62_5(62_500, 1, "62.5"),
  BW125(125_000, 1, "125"),
  BW250(250_000, 1, "250"),
  BW500(500_000, 1, "500");

  private final long numeratorHz;
  private final long denominator;
  private final String kilohertzLabel;

  LoraBandwidth(long numeratorHz, long denominator, String kilohertzLabel) {
    this.numeratorHz = numeratorHz;
    this.denominator = denominator;
    this.kilohertzLabel = kilohertzLabel;
  }

  /** Numerator of the exact bandwidth in hertz. */
  public long numeratorHz() {
    return numeratorHz;
  }

  /** Denominator of the exact bandwidth in hertz. */
  public long denominator() {
    return denominator;
  }

  /** The bandwidth in hertz, rounded to whole hertz. */
  public long hertz() {
    return Math.round((double) numeratorHz / denominator);
  }

  /** The label datasheets and AT commands use, in kHz ("125", "7.8"). */
  public String kilohertzLabel() {
    return kilohertzLabel;
  }

  /**
   * Finds the bandwidth for a value in kHz as written on a datasheet or command line ("125",
   * "62.5", "7.8", also "7.81" or "41.67").
   */
  public static Optional<LoraBandwidth> fromKilohertz(String kilohertz) {
    BigDecimal requested;
    try {
      requested = new BigDecimal(kilohertz.trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(
            bw -> {
              BigDecimal exactKhz =
                  BigDecimal.valueOf(bw.numeratorHz)
                      .divide(BigDecimal.valueOf(bw.denominator * 1000), 10, RoundingMode.HALF_UP);
              BigDecimal scale = BigDecimal.ONE.movePointLeft(Math.max(requested.scale(), 0));
              return exactKhz.subtract(requested).abs().compareTo(scale) < 0;
            })
        .findFirst();
  }

  /** Finds the bandwidth with exactly this many hertz (125000, 250000, 500000, ...). */
  public static Optional<LoraBandwidth> fromHertz(long hertz) {
    return Arrays.stream(values()).filter(bw -> bw.hertz() == hertz).findFirst();
  }
}
